/** `dockerfile/jupyter-empty-token`: see the shared check in ../ai-servers/checks.ts (jupyterEmptyToken). */
import { jupyterEmptyToken as shared } from '../ai-servers/checks.js';
import { dockerfileRunRule } from '../ai-servers/rule-factory.js';

export const jupyterEmptyToken = dockerfileRunRule({ id: 'dockerfile/jupyter-empty-token' }, shared);
