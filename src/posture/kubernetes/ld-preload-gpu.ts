/** `k8s/ld-preload-gpu`: see the shared check in ../ai-servers/checks.ts (ldPreloadGpu). */
import { ldPreloadGpu as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const ldPreloadGpu = k8sRunRule({ id: 'k8s/ld-preload-gpu' }, shared);
