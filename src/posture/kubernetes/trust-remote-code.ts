/** `k8s/trust-remote-code`: see the shared check in ../ai-servers/checks.ts (trustRemoteCode). */
import { trustRemoteCode as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const trustRemoteCode = k8sRunRule({ id: 'k8s/trust-remote-code' }, shared);
