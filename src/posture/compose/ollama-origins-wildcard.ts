/** `compose/ollama-origins-wildcard`: see the shared check in ../ai-servers/checks.ts (ollamaOrigins). */
import { ollamaOrigins as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const ollamaOriginsWildcard = composeRunRule({ id: 'compose/ollama-origins-wildcard' }, shared);
