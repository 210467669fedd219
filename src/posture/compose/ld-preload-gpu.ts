/** `compose/ld-preload-gpu`: see the shared check in ../ai-servers/checks.ts (ldPreloadGpu). */
import { ldPreloadGpu as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const ldPreloadGpu = composeRunRule({ id: 'compose/ld-preload-gpu' }, shared);
