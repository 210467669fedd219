/**
 * A directory (or a single file) on disk. Symlinks are never followed out of the root: a link
 * whose resolved path leaves the target is noted and skipped; links inside it are skipped too
 * (their target is scanned under its own path), which also makes loops impossible.
 */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import type { FileInfo, ScanFile } from '../core/analyzer.js';
import { fileInfo } from '../core/file-info.js';
import type { Note } from '../core/model.js';
import type { Target, TargetOptions } from '../core/target.js';
import { localFile } from './local-file.js';

export class DirectoryTarget implements Target {
  readonly type: 'directory' | 'file';
  readonly notes: Note[] = [];
  private readonly byPath = new Map<string, FileInfo>();
  private readonly isSkippedDir: (p: string) => boolean;
  private readonly isSkippedFile: (p: string) => boolean;

  /** `root` is a directory, or a file when `single` is true. */
  constructor(
    readonly name: string,
    private readonly root: string,
    private readonly options: TargetOptions,
    single = false,
  ) {
    this.type = single ? 'file' : 'directory';
    this.isSkippedDir = globMatcher(options.skipDirs);
    this.isSkippedFile = globMatcher(options.skipFiles);
  }

  async index(): Promise<FileInfo[]> {
    if (this.type === 'file') {
      const st = await lstat(this.root);
      const info = fileInfo(path.basename(this.root), st.size);
      this.byPath.set(info.path, info);
      return [info];
    }
    await this.walk('');
    return [...this.byPath.values()];
  }

  private async walk(rel: string): Promise<void> {
    const abs = rel ? path.join(this.root, rel) : this.root;
    let entries;
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (err) {
      this.notes.push({ level: 'warning', path: rel || '.', message: `cannot read directory: ${errMessage(err)}`, source: 'target' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink()) {
        this.notes.push({ level: 'info', path: childRel, message: 'symbolic link not followed', source: 'target' });
        continue;
      }
      if (e.isDirectory()) {
        if (this.isSkippedDir(e.name) || this.isSkippedDir(childRel)) continue;
        await this.walk(childRel);
      } else if (e.isFile()) {
        if (this.isSkippedFile(e.name) || this.isSkippedFile(childRel)) continue;
        try {
          const st = await lstat(path.join(this.root, childRel));
          this.byPath.set(childRel, fileInfo(childRel, st.size));
        } catch (err) {
          this.notes.push({ level: 'warning', path: childRel, message: `cannot stat file: ${errMessage(err)}`, source: 'target' });
        }
      }
      // Sockets, FIFOs and devices are never read: a FIFO would block the scan.
    }
  }

  async *open(files: FileInfo[]): AsyncIterable<ScanFile> {
    for (const info of files) yield this.fileFor(info);
  }

  get(p: string): ScanFile | undefined {
    const info = this.byPath.get(p);
    return info ? this.fileFor(info) : undefined;
  }

  private fileFor(info: FileInfo): ScanFile {
    const abs = this.type === 'file' ? this.root : path.join(this.root, ...info.path.split('/'));
    return localFile(info, abs, this.options.readBudget);
  }
}

function globMatcher(globs: string[]): (p: string) => boolean {
  if (globs.length === 0) return () => false;
  return picomatch(globs, { dot: true });
}

export function errMessage(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
    const e = err as NodeJS.ErrnoException;
    return e.code === 'EACCES' ? 'permission denied' : `${e.code}: ${e.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}
