/** `k8s/langflow-auto-login`: see the shared check in ../ai-servers/checks.ts (langflowAutoLogin). */
import { langflowAutoLogin as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const langflowAutoLogin = k8sRunRule({ id: 'k8s/langflow-auto-login' }, shared);
