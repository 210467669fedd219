/** `k8s/ray-no-token-auth`: see the shared check in ../ai-servers/checks.ts (rayNoAuth). */
import { rayNoAuth as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const rayNoTokenAuth = k8sRunRule({ id: 'k8s/ray-no-token-auth' }, shared);
