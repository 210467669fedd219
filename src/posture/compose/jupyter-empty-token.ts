/** `compose/jupyter-empty-token`: see the shared check in ../ai-servers/checks.ts (jupyterEmptyToken). */
import { jupyterEmptyToken as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const jupyterEmptyToken = composeRunRule({ id: 'compose/jupyter-empty-token' }, shared);
