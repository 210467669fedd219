/** `compose/ollama-exposed`: see the shared check in ../ai-servers/checks.ts (ollamaExposed). */
import { ollamaExposed as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const ollamaExposed = composeRunRule({ id: 'compose/ollama-exposed' }, shared);
