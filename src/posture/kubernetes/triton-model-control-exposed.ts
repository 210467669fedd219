/** `k8s/triton-model-control-exposed`: see the shared check in ../ai-servers/checks.ts (tritonModelControlExposed). */
import { tritonModelControlExposed as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const tritonModelControlExposed = k8sRunRule({ id: 'k8s/triton-model-control-exposed' }, shared);
