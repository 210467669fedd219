/** `k8s/jupyter-empty-token`: see the shared check in ../ai-servers/checks.ts (jupyterEmptyToken). */
import { jupyterEmptyToken as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const jupyterEmptyToken = k8sRunRule({ id: 'k8s/jupyter-empty-token' }, shared);
