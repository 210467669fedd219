/** `k8s/comfyui-listen-exposed`: see the shared check in ../ai-servers/checks.ts (comfyuiListenExposed). */
import { comfyuiListenExposed as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const comfyuiListenExposed = k8sRunRule({ id: 'k8s/comfyui-listen-exposed' }, shared);
