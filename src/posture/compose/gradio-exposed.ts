/** `compose/gradio-exposed`: see the shared check in ../ai-servers/checks.ts (gradioExposed). */
import { gradioExposed as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const gradioExposed = composeRunRule({ id: 'compose/gradio-exposed' }, shared);
