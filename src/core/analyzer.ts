/**
 * The analyzer contract (Trivy-like): a cheap `match` on path and size decides whether the analyzer
 * wants a file; `analyze` gets lazy access to the bytes and to memoised parses, and returns values.
 * Analyzers never touch the file system themselves: all I/O goes through `ScanFile`.
 */
import type { Asset, Finding, Note, RuleMeta } from './model.js';

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
}

/** A document kept for an analyzer's whole-target stage, with the file it came from. */
export interface CollectedDocument {
  file: FileInfo;
  document: unknown;
}

export interface AnalyzerContext {
  /** Abort when the per-file time budget is exhausted; long loops should check `signal.aborted`. */
  signal: AbortSignal;
  /** Epoch ms after which the analyzer should give up and return what it has with a note. */
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
  /** Cheap path/size test; no I/O. */
  match(file: FileInfo): boolean;
  analyze(file: ScanFile, ctx: AnalyzerContext): Promise<AnalyzerResult> | AnalyzerResult;
  /**
   * Optional whole-target stage, for checks that span files (a Service in one manifest exposing a
   * Deployment in another; a Terraform bucket encrypted by a separate resource of its module).
   * Receives the `document` that `analyze` returned for each file, sorted by path so that the
   * result never depends on the order in which files finished.
   */
  finish?(documents: CollectedDocument[]): Promise<AnalyzerResult> | AnalyzerResult;
}

/** Analyzers that work on the whole set of assets/findings after all files were seen (advisory matching, attack paths). */
export interface Enricher {
  name: string;
  scanner?: ScannerName;
  rules: RuleMeta[];
  enrich(input: { assets: Asset[]; findings: Finding[] }): Promise<AnalyzerResult> | AnalyzerResult;
}

export class BudgetExceededError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetExceededError';
  }
}
