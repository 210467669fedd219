/**
 * Edge kind: serving workload ─loads→ model file. A container whose command line or environment names
 * a model file (`--model /models/finetune.pt`, `MODEL_PATH=/srv/ranker.joblib`) loads it at start-up;
 * if that artifact runs code when loaded (a pickle), the attacker who planted it runs code in the
 * workload. The document layer only records the file names (`modelPaths`); the graph resolves them to
 * the model-file assets of the scan (src/paths/edges/model-refs.ts), since only it sees every file.
 */
import type { Asset } from '../../core/model.js';
import type { RunView } from '../../documents/run-view.js';
import { MODEL_EXTENSIONS } from '../../models/identify.js';
import { workloadStub } from './workload.js';

const MAX_REFS = 16;

/** Tokens of a command line or environment value that name a model file. */
export function modelPathsOf(run: RunView): string[] {
  const out = new Set<string>();
  const consider = (raw: string) => {
    const v = raw.replace(/^--?[\w-]+=/, '').replace(/^['"]|['"]$/g, '');
    if (v.length > 512 || v.includes('${') || /^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return;
    const dot = v.lastIndexOf('.');
    if (dot <= 0 || !MODEL_EXTENSIONS.has(v.slice(dot).toLowerCase())) return;
    if (out.size < MAX_REFS) out.add(v);
  };
  for (const a of run.argv) consider(a.value);
  for (const e of run.env) if (e.value) consider(e.value);
  return [...out].sort();
}

export function modelLoadEdges(runs: readonly RunView[], nameOf: (run: RunView) => string): Asset[] {
  const out = new Map<string, Asset>();
  for (const run of runs) {
    const paths = modelPathsOf(run);
    if (!paths.length) continue;
    const prev = out.get(run.assetId);
    if (prev) prev.properties.modelPaths = [...new Set([...(prev.properties.modelPaths as string[]), ...paths])].sort();
    else out.set(run.assetId, workloadStub(run, nameOf(run), { modelPaths: paths }));
  }
  return [...out.values()];
}
