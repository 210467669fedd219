/** `compose/triton-model-control-exposed`: see the shared check in ../ai-servers/checks.ts (tritonModelControlExposed). */
import { tritonModelControlExposed as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const tritonModelControlExposed = composeRunRule({ id: 'compose/triton-model-control-exposed' }, shared);
