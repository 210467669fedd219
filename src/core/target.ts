import type { FileInfo, ScanFile } from './analyzer.js';
import type { Note, TargetType } from './model.js';

/**
 * A target yields files; it owns I/O, size limits, symlink policy and archive nesting.
 * Two phases so that analyzers can ask whether a sibling exists: `index()` lists every regular
 * file (cheap), `open()` gives content for the files the analyzers want.
 */
export interface Target {
  readonly name: string;
  readonly type: TargetType;
  /** Every regular file of the target (for images: the merged view after whiteouts). */
  index(): Promise<FileInfo[]>;
  /** Content for the chosen files, in any order. */
  open(files: FileInfo[]): AsyncIterable<ScanFile>;
  /** One file by path (sibling look-ups); undefined when absent or not available. */
  get(path: string): ScanFile | undefined;
  /** Per-file notes: unreadable, skipped symlink, truncated layer … */
  readonly notes: Note[];
  close?(): Promise<void>;
}

export interface TargetOptions {
  /** Directory names or globs to skip (default `.git`, `node_modules`). */
  skipDirs: string[];
  /** File globs to skip. */
  skipFiles: string[];
  /** Largest file read whole, in bytes; larger files are still listed and can be streamed. */
  readBudget: number;
}

export const DEFAULT_SKIP_DIRS = ['.git', 'node_modules'];
