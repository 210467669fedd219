/**
 * Internal load balancers (`data/k8s-internal-lb.json`): the cloud annotations that make a
 * `type: LoadBalancer` Service internal, and the private address blocks that `loadBalancerSourceRanges`
 * must stay inside for the Service not to be reachable from the internet.
 */
import { createRequire } from 'node:module';
import { isIPv4, isIPv6 } from 'node:net';
import { compileCidr, type IpTest } from '../runtime/sigma/cidr.js';

export interface InternalLbAnnotation {
  annotation: string;
  values: string[];
  provider: string;
  url: string;
}

const require = createRequire(import.meta.url);
const data = require('../../data/k8s-internal-lb.json') as {
  annotations: InternalLbAnnotation[];
  sourceRangeAnnotation: string;
  privateRanges: { cidr: string; name: string }[];
};

export const SOURCE_RANGE_ANNOTATION = data.sourceRangeAnnotation;

export const INTERNAL_LB_ANNOTATIONS: readonly InternalLbAnnotation[] = data.annotations;

const PRIVATE = data.privateRanges.map((r) => {
  const [net, bits] = r.cidr.split('/');
  return { test: compileCidr(r.cidr) as IpTest, bits: Number(bits), v6: isIPv6(net) };
});

/** The catalogue entry whose annotation (with an internal value) is among `annotations`, if any. */
export function internalLbAnnotation(annotations: Record<string, string>): InternalLbAnnotation | undefined {
  return INTERNAL_LB_ANNOTATIONS.find((a) => {
    const v = annotations[a.annotation];
    return v !== undefined && a.values.includes(v.trim().toLowerCase());
  });
}

/** A source range wholly inside a private block (`10.1.0.0/16`, `fd00::/8`); malformed ranges are not. */
export function isPrivateRange(cidr: string): boolean {
  const [net, bitsText, extra] = cidr.trim().split('/');
  if (extra !== undefined) return false;
  const v6 = isIPv6(net);
  if (!v6 && !isIPv4(net)) return false;
  const bits = bitsText === undefined ? (v6 ? 128 : 32) : Number(bitsText);
  if (!/^\d+$/.test(bitsText ?? '0') || bits > (v6 ? 128 : 32)) return false;
  return PRIVATE.some((p) => p.v6 === v6 && bits >= p.bits && p.test(net));
}
