/** `k8s/ray-dashboard-exposed`: see the shared check in ../ai-servers/checks.ts (rayExposed). */
import { rayExposed as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const rayDashboardExposed = k8sRunRule({ id: 'k8s/ray-dashboard-exposed' }, shared);
