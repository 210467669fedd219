/** Shared plumbing of the model-format analyzers: running rules, building the model asset. */
import { wantsDigest, type AnalyzerContext, type ScanFile } from '../core/analyzer.js';
import { makeFinding } from '../core/finding.js';
import type { Asset, Finding, Location, Note } from '../core/model.js';
import { WindowReader } from './io/window-reader.js';
import type { ModelRule } from './rules/types.js';

export interface FormatOutput {
  findings: Finding[];
  notes: Note[];
  /** Properties of the model asset (format-specific metadata); undefined = not a model. */
  properties?: Record<string, unknown>;
  /** A better display name than the file name (e.g. GGUF general.name). */
  name?: string;
  version?: string;
}

export function newOutput(): FormatOutput {
  return { findings: [], notes: [] };
}

export function modelAssetId(path: string): string {
  return `model-file:${path}`; // the id discovery (bom-model-files) uses: the pipeline merges both
}

/** Runs `rules` over `doc` and appends their findings located at `file` (and `member`). */
export function runRules<D>(out: FormatOutput, rules: ModelRule<D>[], doc: D, file: ScanFile, member?: string, startLine?: number): void {
  for (const rule of rules) {
    for (const hit of rule.check(doc)) {
      const { member: hitMember, ...input } = hit;
      const location: Location = { path: file.path, member: hitMember ?? member, startLine, layer: file.layer };
      out.findings.push(makeFinding(rule.meta, { ...input, location, assetId: modelAssetId(file.path) }));
    }
  }
}

export function readerOf(file: ScanFile): WindowReader {
  return new WindowReader({ size: file.size, readAt: (o, l) => file.readAt(o, l) });
}

export function note(out: FormatOutput, file: ScanFile, level: Note['level'], message: string): void {
  out.notes.push({ level, path: file.path, message, source: 'model-formats' });
}

/** The model asset of a file; its SHA-256 only within the run's digest limit (see AnalyzerContext). */
export async function modelAsset(file: ScanFile, format: string, out: FormatOutput, ctx: Pick<AnalyzerContext, 'digestLimit'>): Promise<Asset> {
  const sha256 = wantsDigest(file, ctx) ? await file.sha256() : undefined;
  return {
    id: modelAssetId(file.path),
    kind: 'model',
    name: out.name ?? file.path.slice(file.path.lastIndexOf('/') + 1),
    version: out.version,
    locations: [{ path: file.path, layer: file.layer }],
    properties: { format, sha256, size: file.size, ...out.properties },
    relations: [],
    confidence: 1,
  };
}
