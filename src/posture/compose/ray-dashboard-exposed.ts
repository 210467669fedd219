/** `compose/ray-dashboard-exposed`: see the shared check in ../ai-servers/checks.ts (rayExposed). */
import { rayExposed as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const rayDashboardExposed = composeRunRule({ id: 'compose/ray-dashboard-exposed' }, shared);
