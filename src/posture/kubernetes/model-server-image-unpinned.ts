/** `k8s/model-server-image-unpinned`: see the shared check in ../ai-servers/checks.ts (modelServerImageUnpinned). */
import { modelServerImageUnpinned as shared } from '../ai-servers/checks.js';
import { k8sRunRule } from '../ai-servers/rule-factory.js';

export const modelServerImageUnpinned = k8sRunRule({ id: 'k8s/model-server-image-unpinned', aliases: ['CKV_K8S_14', 'CKV_K8S_43', 'KSV013', 'AVD-KSV-0013'] }, shared);
