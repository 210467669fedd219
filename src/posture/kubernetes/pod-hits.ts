/** Helpers shared by the Kubernetes pod-hardening rules (GPU pods, service-account tokens). */
import type { ContainerView, PodView } from '../../documents/kubernetes/index.js';
import type { YamlPath } from '../../documents/yaml.js';
import type { PostureHit } from '../rule.js';

export function podAsset(pod: PodView): string {
  const o = pod.object;
  return `k8s:${o.namespace}/${o.kind}/${o.name}`;
}

export function podLabel(pod: PodView, c?: ContainerView): string {
  const o = pod.object;
  return `${o.kind} ${o.namespace}/${o.name}${c ? `, container ${c.name}` : ''}`;
}

/** A hit at a field of the pod (or of one container). */
export function podHit(pod: PodView, field: YamlPath, message: string, evidence: string, extra: Partial<PostureHit> = {}): PostureHit {
  return {
    path: pod.object.path, line: pod.lineOf(field), message, evidence, assetId: podAsset(pod),
    key: `${pod.object.ref}/${field.join('.')}`, ...extra,
  };
}
