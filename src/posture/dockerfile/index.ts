/**
 * The Dockerfile posture rules, in registry order (explicit imports, no globbing at runtime).
 */
import type { DockerfileProject } from '../../documents/dockerfile/index.js';
import type { PostureRule } from '../rule.js';
import { jupyterEmptyToken } from './jupyter-empty-token.js';
import { ldPreloadGpuImage } from './ld-preload-gpu-image.js';
import { modelServerImageUnpinned } from './model-server-image-unpinned.js';
import { trustRemoteCode } from './trust-remote-code.js';

export const dockerfileRules: PostureRule<DockerfileProject>[] = [
  jupyterEmptyToken,
  ldPreloadGpuImage,
  modelServerImageUnpinned,
  trustRemoteCode,
];
