/** `dockerfile/trust-remote-code`: see the shared check in ../ai-servers/checks.ts (trustRemoteCode). */
import { trustRemoteCode as shared } from '../ai-servers/checks.js';
import { dockerfileRunRule } from '../ai-servers/rule-factory.js';

export const trustRemoteCode = dockerfileRunRule({ id: 'dockerfile/trust-remote-code' }, shared);
