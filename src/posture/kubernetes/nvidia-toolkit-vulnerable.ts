/** `k8s/nvidia-toolkit-vulnerable`: see the shared check in ../ai-servers/checks.ts (nvidiaToolkitVulnerable). */
import { nvidiaToolkitVulnerable as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const nvidiaToolkitVulnerable = k8sRunRule({ id: 'k8s/nvidia-toolkit-vulnerable' }, shared);
