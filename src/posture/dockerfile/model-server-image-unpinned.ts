/** `dockerfile/model-server-image-unpinned`: see the shared check in ../ai-servers/checks.ts (modelServerImageUnpinned). */
import { modelServerImageUnpinned as shared } from '../ai-servers/checks.js';
import { dockerfileRunRule } from '../ai-servers/rule-factory.js';

export const modelServerImageUnpinned = dockerfileRunRule({ id: 'dockerfile/model-server-image-unpinned', aliases: ['CKV_DOCKER_7', 'DS001', 'AVD-DS-0001'] }, shared);
