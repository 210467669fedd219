/**
 * The analyzer contract (Trivy-like): a cheap `match` on path and size decides whether the analyzer
 * wants a file; `analyze` gets lazy access to the bytes and to memoised parses, and returns values.
 * Analyzers never touch the file system themselves: all I/O goes through `ScanFile`.
 */
import type { Asset, Finding, Note, PathsSection, RuleMeta } from './model.js';

/** What is known about a file before reading it. */
export interface FileInfo {
  /** Path relative to the target root, `/`-separated, no leading `./`. */
  path: string;
  /** Lower-cased base name. */
  name: string;
  /** Lower-cased extension including the dot (`.py`), or ''. */
  ext: string;
  size: number;
  /** Digest of the image layer the file came from (image targets only). */
  layer?: string;
}

/** A parser turns one file into a typed document; each parser runs at most once per file. */
export interface Parser<T> {
  /** Unique id, used as the memo key. */
  id: string;
  parse(input: { bytes: Buffer; text: string | undefined; info: FileInfo }): T;
}

/** Lazy, budgeted access to one file's content. Implemented by the targets. */
export interface ScanFile extends FileInfo {
  /** First `n` bytes (for magic numbers); cheap. */
  head(n: number): Promise<Buffer>;
  /** Whole content; throws `BudgetExceededError` above the per-file read budget. */
  bytes(): Promise<Buffer>;
  /** UTF-8 text, or undefined when the content is binary (NUL bytes) or over the budget. */
  text(): Promise<string | undefined>;
  /** Read `length` bytes at `offset` (random access for large binary formats). */
  readAt(offset: number, length: number): Promise<Buffer>;
  /** Streaming read of the whole content, for hashing and very large files. */
  stream(): AsyncIterable<Buffer>;
  /** Memoised parse: the same parser on the same file runs once, whichever analyzer asks first. */
  parsed<T>(parser: Parser<T>): Promise<T>;
  /** SHA-256 hex digest, streamed and memoised (shared across analyzers). */
  sha256(): Promise<string>;
}

/** What an analyzer returns for one file. */
export interface AnalyzerResult {
  findings?: Finding[];
  assets?: Asset[];
  notes?: Note[];
  /**
   * The file's parsed document, for analyzers with a whole-target stage (`finish`): the pipeline
   * keeps it and hands every file's document to `finish` once all files were seen.
   */
  document?: unknown;
  /** Attack paths of the whole target (the attack-path enricher only; see src/paths). */
  paths?: PathsSection;
}

/** A document kept for an analyzer's whole-target stage, with the file it came from. */
export interface CollectedDocument {
  file: FileInfo;
  document: unknown;
}

export interface AnalyzerContext {
  /**
   * Last-resort wall-clock guard (epoch ms): past it the analyzer should give up and return what it has
   * with a note. It is NOT what bounds normal work: that is counted in work units (bytes, entries,
   * opcodes, nodes — see `workBudget`), so the same input gives the same report on any machine and under
   * any load. The guard is generous (`--timeout`, 30 s by default) and exists for bugs and pathological
   * input that escaped a work budget. Checking it costs one `Date.now()`; there is no timer per file.
   */
  deadline: number;
  /** All files of the target, by path, for analyzers that need a sibling (e.g. ONNX external data). */
  exists(path: string): boolean;
  /** Open a sibling file of the same target (e.g. `config.json` next to a model). */
  open(path: string): ScanFile | undefined;
  /**
   * Largest file whose SHA-256 analyzers should compute in this run (default DEFAULT_DIGEST_LIMIT).
   * `aigis bom` asks for every model file (Infinity); `aigis scan` keeps the default, so that
   * scanning a multi-gigabyte checkpoint costs a few reads instead of a full hash (`aigis hash` does that).
   */
  digestLimit?: number;
}

/** Files up to this size are digested when a run sets no limit. */
export const DEFAULT_DIGEST_LIMIT = 64 * 1024 * 1024;

/** True when the run wants the digest of `file` (see AnalyzerContext.digestLimit). */
export function wantsDigest(file: FileInfo, ctx: Pick<AnalyzerContext, 'digestLimit'>): boolean {
  return file.size <= (ctx.digestLimit ?? DEFAULT_DIGEST_LIMIT);
}

/** What `--scanners` selects (Trivy's names); analyzers without one (inventory) always run. */
export type ScannerName = 'secret' | 'model' | 'vuln' | 'misconfig';
export const SCANNERS: readonly ScannerName[] = ['secret', 'model', 'vuln', 'misconfig'];

export interface Analyzer {
  /** Short name (`secrets`, `pickle`, `bom-python`). */
  name: string;
  /** The scanner this analyzer's findings belong to; none for inventory (discovery) analyzers. */
  scanner?: ScannerName;
  /** Bump when results change for the same input (cache key). */
  version: number;
  /** Metadata of every rule this analyzer can report. */
  rules: RuleMeta[];
  /**
   * What the analyzer can want, declared so that the pipeline offers it only files with one of these
   * extensions or base names (lower-cased, as in FileInfo): one map lookup per file instead of a
   * `match` call per file and analyzer. `match` still decides among the files offered. Absent: every
   * file is offered to `match`.
   */
  wants?: { extensions?: readonly string[]; names?: readonly string[] };
  /** Cheap path/size test; no I/O. */
  match(file: FileInfo): boolean;
  analyze(file: ScanFile, ctx: AnalyzerContext): Promise<AnalyzerResult> | AnalyzerResult;
  /**
   * Optional whole-target stage, for checks that span files (a Service in one manifest exposing a
   * Deployment in another; a Terraform bucket encrypted by a separate resource of its module).
   * Receives the `document` that `analyze` returned for each file, sorted by path so that the
   * result never depends on the order in which files finished.
   */
  finish?(documents: CollectedDocument[], opts?: FinishOptions): Promise<AnalyzerResult> | AnalyzerResult;
}

/** What the run keeps of a whole-target stage. */
export interface FinishOptions {
  /**
   * The run keeps assets and notes only (`aigis bom`): checks that can only produce findings may be
   * skipped. Assets must not change.
   */
  inventoryOnly?: boolean;
}

/**
 * A registered analyzer known by its catalogue entry until a file needs it (src/analyzers/lazy.ts):
 * the pipeline loads its module only when some file of the target passes `mayWant`, so that a scan
 * opens the code for the file types it meets (an empty directory: none; a folder of pickles: the
 * model analyzers). Its rules' metadata is data (data/analyzer-rules.json), so the report lists them
 * either way.
 */
export interface LazyAnalyzer {
  name: string;
  scanner?: ScannerName;
  rules: RuleMeta[];
  /** Cheap test on the path, name and size: true for every file the analyzer's `match` accepts (a superset). */
  mayWant(file: FileInfo): boolean;
  /** The analyzer itself (memoised: the same instance on every call). */
  load(): Promise<Analyzer>;
}

/**
 * A registered enricher known by its catalogue entry: loaded only when there is something to enrich
 * (an asset or a finding); before that, `whenEmpty` is what it returns for no input (a test checks it).
 */
export interface LazyEnricher {
  name: string;
  scanner?: ScannerName;
  rules: RuleMeta[];
  whenEmpty: AnalyzerResult;
  load(): Promise<Enricher>;
}

/** True for a catalogue entry that has not been loaded yet. */
export function isLazy(a: Analyzer | Enricher | LazyAnalyzer | LazyEnricher): a is LazyAnalyzer | LazyEnricher {
  return 'load' in a && typeof a.load === 'function';
}

/** Analyzers that work on the whole set of assets/findings after all files were seen (advisory matching, attack paths). */
export interface Enricher {
  name: string;
  scanner?: ScannerName;
  rules: RuleMeta[];
  enrich(input: { assets: Asset[]; findings: Finding[] }): Promise<AnalyzerResult> | AnalyzerResult;
}

/**
 * Work units a format parser may spend on one file by default (one unit = one node, entry, array
 * element or metadata record; call sites that check in batches pass the batch size). Sized so that real
 * artifacts stay far below it (a large ONNX graph has ~10^5 nodes) and hostile ones stop in seconds.
 */
export const DEFAULT_WORK_UNITS = 1 << 22;

/** A stop check for a format parser: call it with the units of work done since the last call. */
export interface StopCheck {
  (units?: number): boolean;
  /** Why it said stop: the deterministic work budget, or the last-resort time guard. */
  readonly reason: 'work' | 'time' | undefined;
}

/**
 * A deterministic stop check: says stop once `maxUnits` units were spent (the same point on every
 * machine), or — as a last resort only — once the context's wall-clock guard has passed.
 * The clock is read at most every 1,024 units, so the check is cheap enough for inner loops.
 */
export function workBudget(ctx: Pick<AnalyzerContext, 'deadline'>, maxUnits = DEFAULT_WORK_UNITS): StopCheck {
  let spent = 0;
  let sinceClock = 0;
  let reason: 'work' | 'time' | undefined;
  const check = (units = 1): boolean => {
    if (reason) return true;
    spent += units;
    sinceClock += units;
    if (spent > maxUnits) reason = 'work';
    else if (sinceClock >= 1024 || units >= 1024) {
      sinceClock = 0;
      if (Date.now() > ctx.deadline) reason = 'time';
    }
    return reason !== undefined;
  };
  return Object.defineProperty(check, 'reason', { get: () => reason }) as StopCheck;
}

/** The words for a stop check's reason in a note. */
export function budgetText(stop: StopCheck, maxUnits = DEFAULT_WORK_UNITS): string {
  return stop.reason === 'time' ? 'last-resort time guard reached' : `work budget of ${maxUnits} units exhausted`;
}

export class BudgetExceededError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetExceededError';
  }
}
