/** `compose/torchserve-management-exposed`: see the shared check in ../ai-servers/checks.ts (torchserveManagementExposed). */
import { torchserveManagementExposed as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const torchserveManagementExposed = composeRunRule({ id: 'compose/torchserve-management-exposed' }, shared);
