/** `compose/langflow-auto-login`: see the shared check in ../ai-servers/checks.ts (langflowAutoLogin). */
import { langflowAutoLogin as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const langflowAutoLogin = composeRunRule({ id: 'compose/langflow-auto-login' }, shared);
