/** Test helpers: run one analyzer over in-memory files. */
import type { Analyzer, AnalyzerContext, AnalyzerResult, ScanFile } from '../../src/core/analyzer.js';
import { bufferFile } from '../../src/core/buffer-file.js';
import type { Asset } from '../../src/core/model.js';

export async function analyze(analyzer: Analyzer, path: string, content: Buffer | string, siblings: Record<string, Buffer | string> = {}): Promise<Required<Omit<AnalyzerResult, 'document' | 'paths'>>> {
  const file = bufferFile(path, content);
  if (!analyzer.match(file)) return { assets: [], findings: [], notes: [] };
  const files = new Map<string, ScanFile>(Object.entries(siblings).map(([p, c]) => [p, bufferFile(p, c)]));
  const ctx: AnalyzerContext = {
    deadline: Date.now() + 30_000,
    exists: (p) => files.has(p),
    open: (p) => files.get(p),
  };
  const r = await analyzer.analyze(file, ctx);
  // Analyzers with a whole-target stage (posture kinds) report from `finish` over the collected document.
  const f = analyzer.finish && r.document !== undefined ? await analyzer.finish([{ file: { path: file.path, name: file.name, ext: file.ext, size: file.size }, document: r.document }]) : {};
  return { assets: [...(r.assets ?? []), ...(f.assets ?? [])], findings: [...(r.findings ?? []), ...(f.findings ?? [])], notes: [...(r.notes ?? []), ...(f.notes ?? [])] };
}

/** `id@line` for compact assertions. */
export function sightings(assets: Asset[]): string[] {
  return assets.flatMap((a) => a.locations.map((l) => `${a.id}@${l.startLine ?? '-'}`));
}

export function ids(assets: Asset[]): string[] {
  return [...new Set(assets.map((a) => a.id))].sort();
}

/**
 * Runs an analyzer with a whole-target stage over in-memory files, as the pipeline does: `analyze`
 * per file (sorted by path), then `finish` over the collected documents.
 */
export async function analyzeFiles(analyzer: Analyzer, files: Record<string, Buffer | string>): Promise<Required<Omit<AnalyzerResult, 'document' | 'paths'>>> {
  const out: Required<Omit<AnalyzerResult, 'document' | 'paths'>> = { assets: [], findings: [], notes: [] };
  const collected: { file: { path: string; name: string; ext: string; size: number }; document: unknown }[] = [];
  for (const path of Object.keys(files).sort()) {
    const file = bufferFile(path, files[path]);
    if (analyzer.match(file)) {
      const res = await analyzer.analyze(file, { deadline: Date.now() + 30_000, exists: (p) => p in files, open: (p) => (p in files ? bufferFile(p, files[p]) : undefined) });
      out.assets.push(...(res.assets ?? []));
      out.findings.push(...(res.findings ?? []));
      out.notes.push(...(res.notes ?? []));
      if (res.document !== undefined) collected.push({ file: { path: file.path, name: file.name, ext: file.ext, size: file.size }, document: res.document });
    }
  }
  const fin = analyzer.finish ? await analyzer.finish(collected) : {};
  out.assets.push(...(fin.assets ?? []));
  out.findings.push(...(fin.findings ?? []));
  out.notes.push(...(fin.notes ?? []));
  return out;
}
