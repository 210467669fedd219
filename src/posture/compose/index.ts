/**
 * The docker-compose posture rules, in registry order (explicit imports, no globbing at runtime).
 */
import type { ComposeProject } from '../../documents/compose/index.js';
import type { PostureRule } from '../rule.js';
import { comfyuiListenExposed } from './comfyui-listen-exposed.js';
import { composeDockerSockMount } from './docker-sock-mount.js';
import { composePrivileged } from './privileged.js';
import { gradioExposed } from './gradio-exposed.js';
import { jupyterEmptyToken } from './jupyter-empty-token.js';
import { langflowAutoLogin } from './langflow-auto-login.js';
import { ldPreloadGpu } from './ld-preload-gpu.js';
import { llmServerNoApiKey } from './llm-server-no-api-key.js';
import { mlflowNoAuth } from './mlflow-no-auth.js';
import { modelServerImageUnpinned } from './model-server-image-unpinned.js';
import { ollamaExposed } from './ollama-exposed.js';
import { ollamaOriginsWildcard } from './ollama-origins-wildcard.js';
import { rayDashboardExposed } from './ray-dashboard-exposed.js';
import { rayNoTokenAuth } from './ray-no-token-auth.js';
import { torchserveManagementExposed } from './torchserve-management-exposed.js';
import { tritonModelControlExposed } from './triton-model-control-exposed.js';
import { trustRemoteCode } from './trust-remote-code.js';

export const composeRules: PostureRule<ComposeProject>[] = [
  comfyuiListenExposed,
  composeDockerSockMount,
  composePrivileged,
  gradioExposed,
  jupyterEmptyToken,
  langflowAutoLogin,
  ldPreloadGpu,
  llmServerNoApiKey,
  mlflowNoAuth,
  modelServerImageUnpinned,
  ollamaExposed,
  ollamaOriginsWildcard,
  rayDashboardExposed,
  rayNoTokenAuth,
  torchserveManagementExposed,
  tritonModelControlExposed,
  trustRemoteCode,
];
