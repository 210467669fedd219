/** `k8s/ollama-exposed`: see the shared check in ../ai-servers/checks.ts (ollamaExposed). */
import { ollamaExposed as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const ollamaExposed = k8sRunRule({ id: 'k8s/ollama-exposed' }, shared);
