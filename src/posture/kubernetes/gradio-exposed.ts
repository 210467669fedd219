/** `k8s/gradio-exposed`: see the shared check in ../ai-servers/checks.ts (gradioExposed). */
import { gradioExposed as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const gradioExposed = k8sRunRule({ id: 'k8s/gradio-exposed' }, shared);
