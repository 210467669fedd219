/**
 * Edge kind: workload ─loads→ model-file asset. Resolves the model file names a workload's command
 * line or environment gives (`modelPaths`, recorded by ./model-load.ts) against the model files of the
 * scan: the same relative path or a path that ends with it (`/models/x.pt` ↔ `models/x.pt`), else a
 * file name that only one model file of the scan has. Ambiguous names join nothing (precision).
 */
import type { Asset } from '../../core/model.js';
import type { GraphEdge } from '../graph.js';

export function modelRefEdges(assets: readonly Asset[]): GraphEdge[] {
  const files = new Map<string, string>();
  const byBase = new Map<string, string[]>();
  for (const a of assets) {
    if (a.kind !== 'model' || !a.id.startsWith('model-file:')) continue;
    const p = a.id.slice('model-file:'.length);
    files.set(p, a.id);
    const base = p.slice(p.lastIndexOf('/') + 1);
    byBase.set(base, [...(byBase.get(base) ?? []), a.id]);
  }
  if (!files.size) return [];
  const out: GraphEdge[] = [];
  for (const a of assets) {
    const refs = a.properties.modelPaths;
    if (!Array.isArray(refs)) continue;
    for (const raw of refs) {
      if (typeof raw !== 'string') continue;
      const t = raw.replace(/^\.\//, '');
      let id = files.get(t.replace(/^\/+/, ''));
      if (!id) {
        // The longest repository path that the reference ends with (suffixes by path segment).
        const parts = t.split('/');
        for (let i = 1; i < parts.length && !id; i++) id = files.get(parts.slice(i).join('/'));
      }
      if (!id) {
        const same = byBase.get(t.slice(t.lastIndexOf('/') + 1));
        if (same?.length === 1) id = same[0];
      }
      if (id) out.push({ from: a.id, to: id, type: 'loads' });
    }
  }
  return out;
}
