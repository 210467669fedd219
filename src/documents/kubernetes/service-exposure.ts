/**
 * Whether a Service is reachable from outside the cluster: NodePort, `externalIPs`, and
 * LoadBalancer — unless the load balancer is internal (a cloud annotation in
 * data/k8s-internal-lb.json) or every `loadBalancerSourceRanges` entry is a private block
 * (RFC 1918, loopback, link-local, CGNAT, IPv6 ULA/link-local).
 */
import { internalLbAnnotation, isPrivateRange, SOURCE_RANGE_ANNOTATION } from '../../catalog/k8s-internal-lb.js';
import type { K8sObject } from './model.js';
import { isObj } from './parse.js';
import { strings } from './pods.js';

export interface ServiceExposure {
  type: string;
  /** Reachable from outside the cluster. */
  external: boolean;
  /** Why a LoadBalancer is not counted as external. */
  internal?: string;
}

export function serviceExposure(obj: K8sObject): ServiceExposure {
  const spec = isObj(obj.value.spec) ? obj.value.spec : {};
  const type = typeof spec.type === 'string' ? spec.type : 'ClusterIP';
  if (Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0) return { type, external: true };
  if (type === 'NodePort') return { type, external: true };
  if (type !== 'LoadBalancer') return { type, external: false };
  const annotations = strings(isObj(obj.value.metadata) ? obj.value.metadata.annotations : undefined);
  const a = internalLbAnnotation(annotations);
  if (a) return { type, external: false, internal: `${a.annotation} (${a.provider})` };
  const ranges = sourceRanges(spec, annotations);
  if (ranges.length && ranges.every(isPrivateRange)) return { type, external: false, internal: `loadBalancerSourceRanges ${ranges.join(', ')}` };
  return { type, external: true };
}

/** `spec.loadBalancerSourceRanges`, else the older annotation (comma-separated). */
function sourceRanges(spec: Record<string, unknown>, annotations: Record<string, string>): string[] {
  if (Array.isArray(spec.loadBalancerSourceRanges) && spec.loadBalancerSourceRanges.length) return spec.loadBalancerSourceRanges.map((r) => (typeof r === 'string' ? r.trim() : ''));
  const a = annotations[SOURCE_RANGE_ANNOTATION];
  return a ? a.split(',').map((r) => r.trim()).filter(Boolean) : [];
}
