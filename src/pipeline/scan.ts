/**
 * The parse-once pipeline: index the target, give each file to the analyzers whose cheap `match`
 * accepts it, collect findings/assets/notes, then run enrichers over the whole set.
 * Errors in one file or one analyzer become notes; the scan always finishes.
 */
import type { Analyzer, AnalyzerContext, AnalyzerResult, CollectedDocument, Enricher, FileInfo, ScanFile } from '../core/analyzer.js';
import { BudgetExceededError } from '../core/analyzer.js';
import type { Asset, Finding, Note, Report, RuleMeta, SuppressedFinding } from '../core/model.js';
import type { Target } from '../core/target.js';
import { mergeAssets } from './merge-assets.js';
import { inlineSuppressions } from '../suppress/inline.js';

export interface PipelineOptions {
  analyzers: Analyzer[];
  enrichers?: Enricher[];
  /** Time budget per file and analyzer. */
  fileTimeoutMs?: number;
  /** Files analysed at once (I/O overlap). */
  concurrency?: number;
  /** See AnalyzerContext.digestLimit (default DEFAULT_DIGEST_LIMIT; Infinity digests every model file). */
  digestLimit?: number;
  onProgress?: (p: { files: number; total: number; bytes: number }) => void;
}

/** The part of a Report that a scan produces (the report adds tool, target and time). */
export type PipelineResult = Pick<Report, 'findings' | 'suppressed' | 'assets' | 'notes' | 'stats' | 'rules'>;

export async function runPipeline(target: Target, opts: PipelineOptions): Promise<PipelineResult> {
  const started = Date.now();
  const timeout = opts.fileTimeoutMs ?? 30_000;
  const all = await target.index();
  const paths = new Set(all.map((f) => f.path));
  const plan = new Map<string, Analyzer[]>();
  const wanted: FileInfo[] = [];
  for (const info of all) {
    const list = opts.analyzers.filter((a) => safeMatch(a, info));
    if (list.length) {
      plan.set(info.path, list);
      wanted.push(info);
    }
  }

  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const assets: Asset[] = [];
  const notes: Note[] = [];
  let done = 0;
  let bytes = 0;
  /** Documents kept for analyzers with a whole-target stage (`finish`). */
  const collected = new Map<Analyzer, CollectedDocument[]>();

  const analyzeFile = async (file: ScanFile): Promise<void> => {
    const fileFindings: Finding[] = [];
    for (const analyzer of plan.get(file.path) ?? []) {
      const res = await runOne(analyzer, file, timeout, {
        exists: (p) => paths.has(p),
        open: (p) => (paths.has(p) ? target.get(p) : undefined),
        digestLimit: opts.digestLimit,
      });
      if (res.findings) fileFindings.push(...res.findings.map((f) => withLayer(f, file)));
      if (res.assets) assets.push(...res.assets);
      if (res.notes) notes.push(...res.notes);
      if (analyzer.finish && res.document !== undefined) {
        const list = collected.get(analyzer) ?? [];
        list.push({ file: infoOf(file), document: res.document });
        collected.set(analyzer, list);
      }
    }
    if (fileFindings.length) await keepUnsuppressed(fileFindings, file);
    done++;
    bytes += file.size;
    opts.onProgress?.({ files: done, total: wanted.length, bytes });
  };

  const keepUnsuppressed = async (list: Finding[], file: ScanFile | undefined): Promise<void> => {
    const text = file && file.size <= 16 * 1024 * 1024 ? await file.text().catch(() => undefined) : undefined;
    const split = inlineSuppressions(list, text);
    findings.push(...split.kept);
    suppressed.push(...split.suppressed);
  };

  await forEachConcurrent(target.open(wanted), opts.concurrency ?? 8, analyzeFile);

  // Whole-target stages, in registry order, over documents sorted by path (deterministic).
  for (const analyzer of opts.analyzers) {
    if (!analyzer.finish) continue;
    const docs = (collected.get(analyzer) ?? []).sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
    let res: AnalyzerResult;
    try {
      res = await analyzer.finish(docs);
    } catch (err) {
      res = { notes: [{ level: 'error', message: `${analyzer.name}: ${errorText(err)}`, source: analyzer.name }] };
    }
    if (res.assets) assets.push(...res.assets);
    if (res.notes) notes.push(...res.notes);
    // Inline `aigis-ignore` comments apply as for per-file findings: group by file, read it once.
    const byPath = new Map<string, Finding[]>();
    for (const f of res.findings ?? []) {
      const key = f.location.path ?? '';
      byPath.set(key, [...(byPath.get(key) ?? []), f]);
    }
    for (const [path, list] of byPath) await keepUnsuppressed(list, path ? target.get(path) : undefined);
  }

  const merged = mergeAssets(assets);
  for (const enricher of opts.enrichers ?? []) {
    try {
      const res = await enricher.enrich({ assets: merged, findings });
      if (res.findings) findings.push(...res.findings);
      if (res.assets) merged.push(...mergeAssets(res.assets));
      if (res.notes) notes.push(...res.notes);
    } catch (err) {
      notes.push({ level: 'error', message: `enricher ${enricher.name} failed: ${errorText(err)}`, source: enricher.name });
    }
  }

  const rules = [...opts.analyzers.flatMap((a) => a.rules), ...(opts.enrichers ?? []).flatMap((e) => e.rules)];
  return {
    findings: dedupe(findings),
    suppressed,
    assets: mergeAssets(merged),
    notes: [...target.notes, ...notes],
    stats: { files: done, bytes, skipped: all.length - wanted.length, durationMs: Date.now() - started },
    rules: uniqueRules(rules),
  };
}

function infoOf(file: ScanFile): FileInfo {
  return { path: file.path, name: file.name, ext: file.ext, size: file.size, layer: file.layer };
}

/** Image targets: say which layer a file (and so its finding) came from, unless the analyzer did. */
function withLayer(f: Finding, file: ScanFile): Finding {
  if (!file.layer || f.location.layer || f.location.path !== file.path) return f;
  return { ...f, location: { ...f.location, layer: file.layer } };
}

function safeMatch(a: Analyzer, info: FileInfo): boolean {
  try {
    return a.match(info);
  } catch {
    return false;
  }
}

async function runOne(
  analyzer: Analyzer,
  file: ScanFile,
  timeoutMs: number,
  siblings: Pick<AnalyzerContext, 'exists' | 'open' | 'digestLimit'>,
): Promise<AnalyzerResult> {
  const controller = new AbortController();
  const deadline = Date.now() + timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<AnalyzerResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ notes: [{ level: 'warning', path: file.path, message: `${analyzer.name}: time budget of ${timeoutMs} ms exceeded; file partly analysed`, source: analyzer.name }] });
    }, timeoutMs);
  });
  try {
    const ctx: AnalyzerContext = { signal: controller.signal, deadline, ...siblings };
    return await Promise.race([Promise.resolve().then(() => analyzer.analyze(file, ctx)), timedOut]);
  } catch (err) {
    const level = err instanceof BudgetExceededError ? 'info' : 'error';
    return { notes: [{ level, path: file.path, message: `${analyzer.name}: ${errorText(err)}`, source: analyzer.name }] };
  } finally {
    clearTimeout(timer);
  }
}

async function forEachConcurrent<T>(items: AsyncIterable<T>, limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  for await (const item of items) {
    const p: Promise<void> = fn(item).finally(() => running.delete(p));
    running.add(p);
    if (running.size >= limit) await Promise.race(running);
  }
  await Promise.all(running);
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of findings) if (!seen.has(f.fingerprint)) seen.set(f.fingerprint, f);
  return [...seen.values()];
}

function uniqueRules(rules: RuleMeta[]): RuleMeta[] {
  const byId = new Map<string, RuleMeta>();
  for (const r of rules) if (!byId.has(r.id)) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
