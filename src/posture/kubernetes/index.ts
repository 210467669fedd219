/**
 * The Kubernetes posture rules, in registry order (explicit imports, no globbing at runtime).
 */
import type { K8sProject } from '../../documents/kubernetes/index.js';
import type { PostureRule } from '../rule.js';
import { comfyuiListenExposed } from './comfyui-listen-exposed.js';
import { gpuPodHostNamespace } from './gpu-pod-host-namespace.js';
import { gpuPodHostPath } from './gpu-pod-host-path.js';
import { gpuPodPrivilegeEscalation } from './gpu-pod-privilege-escalation.js';
import { gpuPodPrivileged } from './gpu-pod-privileged.js';
import { gpuPodRunsAsRoot } from './gpu-pod-runs-as-root.js';
import { gpuPodSysAdmin } from './gpu-pod-sys-admin.js';
import { gradioExposed } from './gradio-exposed.js';
import { jupyterEmptyToken } from './jupyter-empty-token.js';
import { langflowAutoLogin } from './langflow-auto-login.js';
import { ldPreloadGpu } from './ld-preload-gpu.js';
import { llmServerNoApiKey } from './llm-server-no-api-key.js';
import { mlflowNoAuth } from './mlflow-no-auth.js';
import { modelServerImageUnpinned } from './model-server-image-unpinned.js';
import { nvidiaToolkitVulnerable } from './nvidia-toolkit-vulnerable.js';
import { ollamaExposed } from './ollama-exposed.js';
import { ollamaOriginsWildcard } from './ollama-origins-wildcard.js';
import { rayDashboardExposed } from './ray-dashboard-exposed.js';
import { rayNoTokenAuth } from './ray-no-token-auth.js';
import { saTokenAutomount } from './sa-token-automount.js';
import { torchserveManagementExposed } from './torchserve-management-exposed.js';
import { tritonModelControlExposed } from './triton-model-control-exposed.js';
import { trustRemoteCode } from './trust-remote-code.js';

export const kubernetesRules: PostureRule<K8sProject>[] = [
  comfyuiListenExposed,
  gpuPodHostNamespace,
  gpuPodHostPath,
  gpuPodPrivilegeEscalation,
  gpuPodPrivileged,
  gpuPodRunsAsRoot,
  gpuPodSysAdmin,
  gradioExposed,
  jupyterEmptyToken,
  langflowAutoLogin,
  ldPreloadGpu,
  llmServerNoApiKey,
  mlflowNoAuth,
  modelServerImageUnpinned,
  nvidiaToolkitVulnerable,
  ollamaExposed,
  ollamaOriginsWildcard,
  rayDashboardExposed,
  rayNoTokenAuth,
  saTokenAutomount,
  torchserveManagementExposed,
  tritonModelControlExposed,
  trustRemoteCode,
];
