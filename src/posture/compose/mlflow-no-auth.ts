/** `compose/mlflow-no-auth`: see the shared check in ../ai-servers/checks.ts (mlflowNoAuth). */
import { mlflowNoAuth as shared } from '../ai-servers/checks.js';
import { composeRunRule } from '../ai-servers/rule-factory.js';

export const mlflowNoAuth = composeRunRule({ id: 'compose/mlflow-no-auth' }, shared);
