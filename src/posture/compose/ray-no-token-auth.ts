/** `compose/ray-no-token-auth`: see the shared check in ../ai-servers/checks.ts (rayNoAuth). */
import { rayNoAuth as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const rayNoTokenAuth = composeRunRule({ id: 'compose/ray-no-token-auth' }, shared);
