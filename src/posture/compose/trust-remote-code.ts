/** `compose/trust-remote-code`: see the shared check in ../ai-servers/checks.ts (trustRemoteCode). */
import { trustRemoteCode as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const trustRemoteCode = composeRunRule({ id: 'compose/trust-remote-code' }, shared);
