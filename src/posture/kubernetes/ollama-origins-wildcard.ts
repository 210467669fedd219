/** `k8s/ollama-origins-wildcard`: see the shared check in ../ai-servers/checks.ts (ollamaOrigins). */
import { ollamaOrigins as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const ollamaOriginsWildcard = k8sRunRule({ id: 'k8s/ollama-origins-wildcard' }, shared);
