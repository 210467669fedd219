/** `compose/llm-server-no-api-key`: see the shared check in ../ai-servers/checks.ts (llmServerNoApiKey). */
import { llmServerNoApiKey as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const llmServerNoApiKey = composeRunRule({ id: 'compose/llm-server-no-api-key' }, shared);
