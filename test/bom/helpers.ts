/** Test helpers: run one analyzer over in-memory files. */
import type { Analyzer, AnalyzerContext, AnalyzerResult, ScanFile } from '../../src/core/analyzer.js';
import { bufferFile } from '../../src/core/buffer-file.js';
import type { Asset } from '../../src/core/model.js';

export async function analyze(analyzer: Analyzer, path: string, content: Buffer | string, siblings: Record<string, Buffer | string> = {}): Promise<Required<Omit<AnalyzerResult, 'document'>>> {
  const file = bufferFile(path, content);
  if (!analyzer.match(file)) return { assets: [], findings: [], notes: [] };
  const files = new Map<string, ScanFile>(Object.entries(siblings).map(([p, c]) => [p, bufferFile(p, c)]));
  const ctx: AnalyzerContext = {
    deadline: Date.now() + 30_000,
    exists: (p) => files.has(p),
    open: (p) => files.get(p),
  };
  const r = await analyzer.analyze(file, ctx);
  return { assets: r.assets ?? [], findings: r.findings ?? [], notes: r.notes ?? [] };
}

/** `id@line` for compact assertions. */
export function sightings(assets: Asset[]): string[] {
  return assets.flatMap((a) => a.locations.map((l) => `${a.id}@${l.startLine ?? '-'}`));
}

export function ids(assets: Asset[]): string[] {
  return [...new Set(assets.map((a) => a.id))].sort();
}
