/** `compose/model-server-image-unpinned`: see the shared check in ../ai-servers/checks.ts (modelServerImageUnpinned). */
import { modelServerImageUnpinned as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const modelServerImageUnpinned = composeRunRule({ id: 'compose/model-server-image-unpinned' }, shared);
