/** `k8s/llm-server-no-api-key`: see the shared check in ../ai-servers/checks.ts (llmServerNoApiKey). */
import { llmServerNoApiKey as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const llmServerNoApiKey = k8sRunRule({ id: 'k8s/llm-server-no-api-key' }, shared);
