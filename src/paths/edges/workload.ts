/**
 * The stub of a workload that an edge starts from. Discovery reports AI workloads with the same id
 * (`k8s:<ns>/<Kind>/<name>`, `compose:<file>#<service>`); the pipeline merges the two, so a stub only
 * adds relations and properties. A workload that discovery does not report (no AI signal) still
 * becomes a node of the graph; its confidence is 0 (a graph node, not an inventory finding) and the
 * scan report keeps such a stub only when a reported path goes through it (cli/commands/scan.ts).
 */
import type { Asset, Relation } from '../../core/model.js';
import type { RunView } from '../../documents/run-view.js';

export function workloadStub(run: Pick<RunView, 'assetId' | 'path' | 'line' | 'label'>, name: string, properties: Record<string, unknown>, relations: Relation[] = []): Asset {
  return { id: run.assetId, kind: 'workload', name, locations: [{ path: run.path, startLine: run.line }], properties, relations, confidence: 0 };
}

export function pushUnique(list: Relation[], rel: Relation): void {
  if (!list.some((r) => r.type === rel.type && r.target === rel.target)) list.push(rel);
}
