/**
 * Edge kind: internet → workload. The Kubernetes project view already computes what reaches each
 * container from outside (a LoadBalancer/NodePort Service selecting its pod, an Ingress or HTTPRoute
 * backend, hostNetwork/hostPort, a KServe service, a Ray head Service); compose services publish
 * ports on all interfaces. Both are recorded on the workload as `exposure` (via, file, line): the
 * path engine reads it to pick internet entry points.
 */
import type { Asset } from '../../core/model.js';
import type { ComposeProject } from '../../documents/compose/index.js';
import type { K8sProject } from '../../documents/kubernetes/index.js';
import type { RunView } from '../../documents/run-view.js';
import { workloadStub } from './workload.js';

export interface ExposureRecord {
  via: string;
  path: string;
  line: number;
}

export function exposureEdges(runs: readonly RunView[], nameOf: (run: RunView) => string): Asset[] {
  const byId = new Map<string, { run: RunView; list: ExposureRecord[] }>();
  for (const run of runs) {
    if (!run.exposure.length) continue;
    const e = byId.get(run.assetId) ?? { run, list: [] };
    for (const x of run.exposure) if (!e.list.some((y) => y.via === x.via)) e.list.push({ via: x.via, path: x.path, line: x.line });
    byId.set(run.assetId, e);
  }
  return [...byId.values()].map(({ run, list }) => workloadStub(run, nameOf(run), { exposure: list.slice(0, 8) }));
}

export function k8sExposureEdges(project: K8sProject): Asset[] {
  return exposureEdges(project.runs, (r) => { const o = (r as K8sProject['runs'][number]).pod.object; return `${o.kind}/${o.name}`; });
}

export function composeExposureEdges(project: ComposeProject): Asset[] {
  return exposureEdges(project.runs, (r) => (r as ComposeProject['runs'][number]).service.name);
}
