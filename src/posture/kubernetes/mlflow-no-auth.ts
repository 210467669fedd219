/** `k8s/mlflow-no-auth`: see the shared check in ../ai-servers/checks.ts (mlflowNoAuth). */
import { mlflowNoAuth as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const mlflowNoAuth = k8sRunRule({ id: 'k8s/mlflow-no-auth' }, shared);
