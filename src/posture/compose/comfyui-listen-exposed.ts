/** `compose/comfyui-listen-exposed`: see the shared check in ../ai-servers/checks.ts (comfyuiListenExposed). */
import { comfyuiListenExposed as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const comfyuiListenExposed = composeRunRule({ id: 'compose/comfyui-listen-exposed' }, shared);
