/** Test helper: runs the discovery analyzers over a directory through the real pipeline. */
import { DEFAULT_SKIP_DIRS } from '../../src/core/target.js';
import { DEFAULT_READ_BUDGET } from '../../src/core/buffer-file.js';
import type { Asset, Note } from '../../src/core/model.js';
import { analyzers } from '../../src/analyzers/index.js';
import { bomGraphEnricher } from '../../src/discovery/index.js';
import { foldImports } from '../../src/discovery/graph.js';
import { runPipeline } from '../../src/pipeline/scan.js';
import { openTarget } from '../../src/targets/open-target.js';

export async function inventory(dir: string): Promise<{ assets: Asset[]; notes: Note[] }> {
  const target = await openTarget(dir, { skipDirs: DEFAULT_SKIP_DIRS, skipFiles: [], readBudget: DEFAULT_READ_BUDGET });
  // As `aigis bom` does: every registered analyzer that can emit assets (so manifests join imports).
  const res = await runPipeline(target, { analyzers: analyzers.filter((a) => a.name !== 'secrets' && a.name !== 'graph-infra'), enrichers: [bomGraphEnricher] });
  return { assets: foldImports(res.assets), notes: res.notes };
}
