/**
 * The stub of a workload that an edge starts from. Discovery reports AI workloads with the same id
 * (`k8s:<ns>/<Kind>/<name>`, `compose:<file>#<service>`); the pipeline merges the two, so a stub only
 * adds relations and properties. A workload that discovery does not report (no AI signal) still
 * becomes a `workload` asset when it lies on an edge: a path through it needs a node to name.
 */
import type { Asset, Relation } from '../../core/model.js';
import type { RunView } from '../../documents/run-view.js';

export function workloadStub(run: Pick<RunView, 'assetId' | 'path' | 'line' | 'label'>, name: string, properties: Record<string, unknown>, relations: Relation[] = []): Asset {
  return { id: run.assetId, kind: 'workload', name, locations: [{ path: run.path, startLine: run.line }], properties, relations };
}

export function pushUnique(list: Relation[], rel: Relation): void {
  if (!list.some((r) => r.type === rel.type && r.target === rel.target)) list.push(rel);
}
