/**
 * The parse-once pipeline: index the target, give each file to the analyzers whose cheap `match`
 * accepts it, collect findings/assets/notes, then run enrichers over the whole set.
 * Errors in one file or one analyzer become notes; the scan always finishes.
 */
import type { Analyzer, AnalyzerContext, AnalyzerResult, CollectedDocument, Enricher, FileInfo, LazyAnalyzer, LazyEnricher, ScanFile } from '../core/analyzer.js';
import { BudgetExceededError, isLazy } from '../core/analyzer.js';
import type { Asset, Finding, Note, Report, RuleMeta, SuppressedFinding } from '../core/model.js';
import type { Target } from '../core/target.js';
import { mergeAssets } from './merge-assets.js';
import { inlineSuppressions } from '../suppress/inline.js';
import { localeOrder } from '../core/text.js';
import { assignOccurrences } from '../core/finding.js';

export interface PipelineOptions {
  /**
   * In registry order. Catalogue entries (src/analyzers/lazy.ts) are loaded only when a file of the
   * target may need them; the others only contribute their rules' metadata to the report.
   */
  analyzers: (Analyzer | LazyAnalyzer)[];
  /** In order; catalogue entries are loaded only when there is an asset or a finding to enrich. */
  enrichers?: (Enricher | LazyEnricher)[];
  /**
   * Last-resort wall-clock guard per file and analyzer (ms). Work budgets decide what is analysed;
   * this only stops a runaway analyzer, with a note. One watchdog timer per run, none per file.
   */
  fileTimeoutMs?: number;
  /** Files analysed at once (I/O overlap). */
  concurrency?: number;
  /** See AnalyzerContext.digestLimit (default DEFAULT_DIGEST_LIMIT; Infinity digests every model file). */
  digestLimit?: number;
  onProgress?: (p: { files: number; total: number; bytes: number }) => void;
  /** Keep no findings (`aigis bom`): whole-target stages skip their checks; see FinishOptions. */
  inventoryOnly?: boolean;
}

/** The part of a Report that a scan produces (the report adds tool, target and time). */
export type PipelineResult = Pick<Report, 'findings' | 'suppressed' | 'assets' | 'notes' | 'stats' | 'rules' | 'paths'>;

export async function runPipeline(target: Target, opts: PipelineOptions): Promise<PipelineResult> {
  const started = Date.now();
  const timeout = opts.fileTimeoutMs ?? 30_000;
  const all = await target.index();
  const analyzers = await loadWanted(opts.analyzers, all);
  const paths = new Set(all.map((f) => f.path));
  // Per wanted file: its position (results are joined in this order, not in completion order:
  // files finish in a different order on a loaded machine, and the report must not depend on
  // that) and its analyzers. The lists are interned (a handful of distinct ones), so a file costs a
  // map entry and a pointer, not an array of its own: 100k-file trees keep a small footprint.
  const order = new Map<string, number>();
  const planOf: Analyzer[][] = [];
  const wanted: FileInfo[] = [];
  const dispatch = new Dispatch(analyzers);
  const interned = new Map<string, Analyzer[]>();
  for (const info of all) {
    const ids: number[] = [];
    for (const i of dispatch.candidates(info)) if (safeMatch(analyzers[i], info)) ids.push(i);
    if (!ids.length) continue;
    const key = ids.join(',');
    let list = interned.get(key);
    if (!list) interned.set(key, (list = ids.map((i) => analyzers[i])));
    order.set(info.path, wanted.length);
    planOf.push(list);
    wanted.push(info);
  }
  const perFile: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(wanted.length);
  let done = 0;
  let bytes = 0;
  /** Documents kept for analyzers with a whole-target stage (`finish`). */
  const collected = new Map<Analyzer, CollectedDocument[]>();

  const siblings = {
    exists: (p: string) => paths.has(p),
    open: (p: string) => (paths.has(p) ? target.get(p) : undefined),
    digestLimit: opts.digestLimit,
  };
  const watchdog = new Watchdog(timeout);

  const analyzeFile = async (file: ScanFile): Promise<void> => {
    const out: FileOutcome = {};
    const fileFindings: Finding[] = [];
    const i = order.get(file.path);
    for (const analyzer of i === undefined ? [] : planOf[i]) {
      const res = await runOne(analyzer, file, watchdog, siblings);
      if (res.findings) for (const f of res.findings) fileFindings.push(withLayer(f, file));
      if (res.assets?.length) (out.assets ??= []).push(...res.assets);
      if (res.notes?.length) (out.notes ??= []).push(...res.notes);
      if (analyzer.finish && res.document !== undefined) {
        const list = collected.get(analyzer) ?? [];
        list.push({ file: infoOf(file), document: res.document });
        collected.set(analyzer, list);
      }
    }
    if (fileFindings.length) {
      const text = file.size <= 16 * 1024 * 1024 ? await file.text().catch(() => undefined) : undefined;
      const split = inlineSuppressions(fileFindings, text);
      if (split.kept.length) out.findings = split.kept;
      if (split.suppressed.length) out.suppressed = split.suppressed;
    }
    if (i !== undefined && (out.assets || out.notes || out.findings || out.suppressed)) perFile[i] = out;
    done++;
    bytes += file.size;
    opts.onProgress?.({ files: done, total: wanted.length, bytes });
  };

  try {
    await forEachConcurrent(target.open(wanted), opts.concurrency ?? 8, analyzeFile);
  } finally {
    watchdog.stop();
  }

  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const assets: Asset[] = [];
  const notes: Note[] = [];
  for (const out of perFile) {
    if (!out) continue;
    if (out.findings) for (const f of out.findings) findings.push(f);
    if (out.suppressed) for (const f of out.suppressed) suppressed.push(f);
    if (out.assets) for (const a of out.assets) assets.push(a);
    if (out.notes) for (const n of out.notes) notes.push(n);
  }
  perFile.length = 0;

  const keepUnsuppressed = async (list: Finding[], file: ScanFile | undefined): Promise<void> => {
    const text = file && file.size <= 16 * 1024 * 1024 ? await file.text().catch(() => undefined) : undefined;
    const split = inlineSuppressions(list, text);
    findings.push(...split.kept);
    suppressed.push(...split.suppressed);
  };

  // Whole-target stages, in registry order, over documents sorted by path (deterministic). An entry
  // that was never loaded saw no file: its stage would get no document (test/analyzers/lazy.test.ts
  // checks that every stage returns nothing then).
  for (const analyzer of analyzers) {
    if (!analyzer.finish) continue;
    const docs = (collected.get(analyzer) ?? []).sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
    let res: AnalyzerResult;
    try {
      res = await analyzer.finish(docs, { inventoryOnly: opts.inventoryOnly === true });
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
  // Occurrence indexes are final before enrichers cite findings by stable fingerprint (attack-path
  // steps); later calls (the scan command, the report builder) are idempotent.
  assignOccurrences([...findings, ...suppressed.map((s) => s.finding)]);
  let pathsSection: Report['paths'];
  for (const enricher of opts.enrichers ?? []) {
    try {
      const res = !isLazy(enricher) ? await enricher.enrich({ assets: merged, findings }) : merged.length || findings.length ? await (await enricher.load()).enrich({ assets: merged, findings }) : structuredClone(enricher.whenEmpty);
      if (res.paths) pathsSection = res.paths;
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
    notes: [...sortedNotes(target.notes), ...notes],
    stats: { files: done, bytes, skipped: all.length - wanted.length, durationMs: Date.now() - started },
    rules: uniqueRules(rules),
    ...(pathsSection ? { paths: pathsSection } : {}),
  };
}

/**
 * The analyzers this target needs, in registry order: loaded analyzers as they are, and each catalogue
 * entry that some file may want, loaded (in parallel). Entries no file wants stay unloaded.
 */
async function loadWanted(list: readonly (Analyzer | LazyAnalyzer)[], files: readonly FileInfo[]): Promise<Analyzer[]> {
  const loading = list.map((a) => (!isLazy(a) ? a : files.some((f) => safeMayWant(a, f)) ? a.load() : undefined));
  const out: Analyzer[] = [];
  for (const a of await Promise.all(loading)) if (a) out.push(a);
  return out;
}

function safeMayWant(a: LazyAnalyzer, info: FileInfo): boolean {
  try {
    return a.mayWant(info);
  } catch {
    return true;
  }
}

/** The target's own notes arrive in read-completion order; sort them so the report does not depend on it. */
function sortedNotes(list: readonly Note[]): Note[] {
  // By path only: the sort is stable, and one path's notes come from one walker step, in order.
  const key = (n: Note) => n.path ?? '';
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Offers each file only to the analyzers that declared its extension or name (`Analyzer.wants`),
 * plus those that declared nothing; the registry order is kept.
 */
class Dispatch {
  private readonly always: number[] = [];
  private readonly byExt = new Map<string, number[]>();
  private readonly byName = new Map<string, number[]>();
  /** The candidates of each extension when the name declares nothing: computed once, not per file. */
  private readonly extOnly = new Map<string, readonly number[]>();

  constructor(analyzers: readonly Analyzer[]) {
    analyzers.forEach((a, i) => {
      if (!a.wants) return void this.always.push(i);
      for (const e of a.wants.extensions ?? []) push(this.byExt, e, i);
      for (const n of a.wants.names ?? []) push(this.byName, n, i);
    });
  }

  /** Indexes (into the registry) of the analyzers to offer `info` to, in registry order. */
  candidates(info: FileInfo): readonly number[] {
    const ext = this.byExt.get(info.ext);
    const name = this.byName.get(info.name);
    if (!ext && !name) return this.always;
    if (name) return this.merged(ext, name);
    let list = this.extOnly.get(info.ext);
    if (!list) this.extOnly.set(info.ext, (list = this.merged(ext, undefined)));
    return list;
  }

  private merged(ext: readonly number[] | undefined, name: readonly number[] | undefined): number[] {
    return [...new Set([...this.always, ...(ext ?? []), ...(name ?? [])])].sort((a, b) => a - b);
  }
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/** What one file contributed (absent fields: nothing). */
interface FileOutcome {
  findings?: Finding[];
  suppressed?: SuppressedFinding[];
  assets?: Asset[];
  notes?: Note[];
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
  watchdog: Watchdog,
  siblings: Pick<AnalyzerContext, 'exists' | 'open' | 'digestLimit'>,
): Promise<AnalyzerResult> {
  const ctx: AnalyzerContext = { deadline: Date.now() + watchdog.limitMs, exists: siblings.exists, open: siblings.open, digestLimit: siblings.digestLimit };
  try {
    const out = analyzer.analyze(file, ctx);
    // Synchronous analyzers (most of them) need no guard entry at all.
    if (!(out instanceof Promise)) return out;
    return await watchdog.guard(out, () => ({
      notes: [{ level: 'warning', path: file.path, message: `${analyzer.name}: last-resort time guard of ${watchdog.limitMs} ms reached; file partly analysed`, source: analyzer.name }],
    }));
  } catch (err) {
    const level = err instanceof BudgetExceededError ? 'info' : 'error';
    return { notes: [{ level, path: file.path, message: `${analyzer.name}: ${errorText(err)}`, source: analyzer.name }] };
  }
}

/**
 * The last-resort guard against a runaway asynchronous analyzer (a read that never completes, a
 * parser bug): ONE interval timer for the whole run checks the analyzers in flight and gives up on
 * those past the limit. It replaces a timer and an AbortController per file and analyzer, which cost
 * time on every file and made the report depend on the machine's load (the timer ran while other
 * files' synchronous work held the event loop). Analyzers stop themselves through
 * `AnalyzerContext.deadline` and their work budgets; this only makes sure the scan goes on.
 */
class Watchdog {
  private readonly inFlight = new Map<number, { since: number; giveUp: () => void }>();
  private nextId = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly limitMs: number) {}

  /**
   * `work`'s outcome, or `onGiveUp()`'s once the limit passed, whichever comes first. One promise per
   * call: a race of two promises and a `finally` cost three more, and two closures, on every file.
   */
  guard<T>(work: Promise<T>, onGiveUp: () => T): Promise<T> {
    const id = this.nextId++;
    this.timer ??= setInterval(() => this.tick(), Math.max(10, Math.min(1000, this.limitMs / 4))).unref();
    return new Promise<T>((resolve, reject) => {
      this.inFlight.set(id, { since: Date.now(), giveUp: () => resolve(onGiveUp()) });
      work.then(
        (value) => {
          this.inFlight.delete(id);
          resolve(value);
        },
        (err: unknown) => {
          this.inFlight.delete(id);
          reject(err);
        },
      );
    });
  }

  private tick(): void {
    const now = Date.now();
    for (const [id, entry] of this.inFlight) {
      if (now - entry.since <= this.limitMs) continue;
      this.inFlight.delete(id);
      entry.giveUp();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

/**
 * Runs `fn` over `items`, at most `limit` at a time, started in order: `limit` workers take the next
 * item as they finish one. (A race over the running set attached a reaction to every running promise
 * for every file started.) The first failure stops the workers from taking more items; once the
 * running ones have finished, the source is closed and the failure thrown.
 */
async function forEachConcurrent<T>(items: AsyncIterable<T>, limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const it = items[Symbol.asyncIterator]();
  let failed = false;
  const worker = async (): Promise<void> => {
    try {
      while (!failed) {
        const next = await it.next();
        if (next.done) return;
        await fn(next.value);
      }
    } catch (err) {
      failed = true;
      throw err;
    }
  };
  const workers: Promise<void>[] = [];
  for (let i = 0; i < Math.max(1, limit); i++) workers.push(worker());
  const settled = await Promise.allSettled(workers);
  const failure = settled.find((s) => s.status === 'rejected');
  if (!failure) return;
  // As `for await` would on an early exit: let the source release what it holds (an image layer stream).
  await it.return?.();
  throw failure.reason;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of findings) if (!seen.has(f.fingerprint)) seen.set(f.fingerprint, f);
  return [...seen.values()];
}

function uniqueRules(rules: RuleMeta[]): RuleMeta[] {
  const byId = new Map<string, RuleMeta>();
  for (const r of rules) if (!byId.has(r.id)) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => localeOrder(a.id, b.id));
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
