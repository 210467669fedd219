/**
 * Edge kind: privileged workload ─runs-on→ its node. A container that is privileged, shares the host's
 * namespaces, mounts the host's root or the Docker socket escapes to the node it runs on; code
 * execution in it is code execution on the node (and every pod there). The node is a virtual target
 * (`node:<workload id>`): manifests do not say which machine it is.
 */
import type { Finding } from '../../core/model.js';
import type { GraphEdge } from '../graph.js';

/** Checks whose finding means "escapes to the node". */
export const ESCAPE_RULES = new Set([
  'k8s/gpu-pod-privileged', 'k8s/gpu-pod-host-namespace', 'k8s/gpu-pod-host-path', 'k8s/gpu-pod-sys-admin',
  'compose/privileged', 'compose/docker-sock-mount', 'mcp/docker-host-access',
]);

export function privilegedNodeEdges(findings: readonly Finding[]): GraphEdge[] {
  const out: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (!f.assetId || !ESCAPE_RULES.has(f.ruleId) || seen.has(f.assetId)) continue;
    seen.add(f.assetId);
    out.push({ from: f.assetId, to: `node:${f.assetId}`, type: 'runs-on', stub: { kind: 'workload', name: 'node (host)' } });
  }
  return out;
}
