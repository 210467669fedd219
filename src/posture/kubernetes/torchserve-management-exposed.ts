/** `k8s/torchserve-management-exposed`: see the shared check in ../ai-servers/checks.ts (torchserveManagementExposed). */
import { torchserveManagementExposed as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const torchserveManagementExposed = k8sRunRule({ id: 'k8s/torchserve-management-exposed' }, shared);
