/**
 * A directory (or a single file) on disk. Symlinks are never followed: a link whose resolved path
 * leaves the target is noted as a warning; links inside it are skipped too (their target is
 * scanned under its own path), which also makes loops impossible; loops and broken links get
 * their own note. FIFOs, sockets and devices are listed in notes and never opened.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { FileInfo, ScanFile } from '../core/analyzer.js';
import { fileInfo } from '../core/file-info.js';
import type { Note } from '../core/model.js';
import type { Target, TargetOptions } from '../core/target.js';
import { localFile } from './local-file.js';
import { displayName, LongPaths } from './long-path.js';
import { overBudgetNote, withTextNotes } from './text-notes.js';

/** Files whose size is fetched at once while indexing one directory. */
const STAT_BATCH = 64;

export class DirectoryTarget implements Target {
  readonly type: 'directory' | 'file';
  readonly notes: Note[] = [];
  private readonly byPath = new Map<string, FileInfo>();
  /** Compiled when the walk starts (index): loading the glob engine is asynchronous. */
  private isSkippedDir: (p: string) => boolean = () => false;
  private isSkippedFile: (p: string) => boolean = () => false;
  /** Where a file is opened when that is not simply root + path: long paths and names that are not UTF-8. */
  private readonly openPath = new Map<string, string | Buffer>();
  private readonly longPaths = new LongPaths();

  /** `root` is a directory, or a file when `single` is true. */
  constructor(
    readonly name: string,
    private readonly root: string,
    private readonly options: TargetOptions,
    single = false,
  ) {
    this.type = single ? 'file' : 'directory';
  }

  private rootReal = '';

  async index(): Promise<FileInfo[]> {
    if (this.type === 'file') {
      // The user named this file: `root` was already resolved by openTarget; the report shows the name given.
      const st = await lstat(this.root);
      const info = fileInfo(path.basename(this.name), st.size);
      this.byPath.set(info.path, info);
      if (st.size > this.options.readBudget) this.notes.push(overBudgetNote(info.path, st.size, this.options.readBudget, '; analyzers that can stream it still do'));
      return [info];
    }
    this.rootReal = await realpath(this.root);
    [this.isSkippedDir, this.isSkippedFile] = await Promise.all([globMatcher(this.options.skipDirs), globMatcher(this.options.skipFiles)]);
    await this.walk('', this.root);
    return [...this.byPath.values()];
  }

  /** Says why a symlink is not followed, without following it. */
  private async symlinkNote(rel: string, abs: string | Buffer): Promise<Note> {
    const linkText = await readlink(abs).catch(() => '?');
    try {
      const real = await realpath(abs);
      const inside = real === this.rootReal || real.startsWith(this.rootReal + path.sep);
      return inside
        ? { level: 'info', path: rel, message: `symbolic link to "${linkText}" not followed (its target is scanned under its own path)`, source: 'target' }
        : { level: 'warning', path: rel, message: `symbolic link to "${linkText}" points outside the target; not followed`, source: 'target' };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return { level: 'warning', path: rel, message: `symbolic link loop ("${linkText}"); not followed`, source: 'target' };
      return { level: 'info', path: rel, message: `broken symbolic link to "${linkText}"; not followed`, source: 'target' };
    }
  }

  private async walk(rel: string, abs: string | Buffer): Promise<void> {
    let entries: { name: string; raw?: Buffer; invalid?: boolean; e: Dirent<string> | Dirent<Buffer> }[];
    try {
      const at = await this.longPaths.resolve(abs);
      const plain = await readdir(at, { withFileTypes: true });
      // Node decodes names as UTF-8 and turns invalid bytes into U+FFFD, after which such a name cannot
      // be opened: read the directory again as bytes, open by the raw name, report an escaped one.
      entries = plain.some((e) => e.name.includes('\uFFFD'))
        ? (await readdir(at, { withFileTypes: true, encoding: 'buffer' })).map((e) => {
            const name = displayName(e.name);
            return { name, raw: e.name, invalid: name !== e.name.toString('utf8'), e };
          })
        : plain.map((e) => ({ name: e.name, e }));
    } catch (err) {
      this.notes.push({ level: 'warning', path: rel || '.', message: `cannot read directory: ${errMessage(err)}`, source: 'target' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const childAbs = (c: { name: string; raw?: Buffer }): string | Buffer =>
      c.raw || typeof abs !== 'string' ? Buffer.concat([typeof abs === 'string' ? Buffer.from(abs) : abs, Buffer.from('/'), c.raw ?? Buffer.from(c.name)]) : path.join(abs, c.name);
    // Sizes of this directory's files, fetched concurrently (a sequential lstat per file is the
    // slowest part of indexing a big tree), then recorded in name order.
    const files = entries.filter((c) => c.e.isFile() && !this.isSkippedFile(c.name) && !this.isSkippedFile(rel ? `${rel}/${c.name}` : c.name));
    // `direct`: the file opens at root + its path (fileFor), so no entry in openPath is needed.
    const sizes = new Map<string, { size: number; at: string | Buffer; direct: boolean } | Error>();
    for (let i = 0; i < files.length; i += STAT_BATCH) {
      await Promise.all(
        files.slice(i, i + STAT_BATCH).map(async (c) => {
          try {
            const plain = childAbs(c);
            const at = await this.longPaths.resolve(plain);
            const st = await lstat(at);
            // A string path built by joining names is the one fileFor joins from the root and the relative path.
            sizes.set(c.name, st.isFile() ? { size: st.size, at, direct: typeof at === 'string' && at === plain } : new Error('no longer a regular file'));
          } catch (err) {
            sizes.set(c.name, err instanceof Error ? err : new Error(String(err)));
          }
        }),
      );
    }
    for (const c of entries) {
      const e = c.e;
      const childRel = rel ? `${rel}/${c.name}` : c.name;
      if (c.invalid) this.notes.push({ level: 'info', path: childRel, message: 'its name is not valid UTF-8; shown with \\x escapes', source: 'target' });
      if (e.isSymbolicLink()) {
        if (!this.isSkippedFile(c.name) && !this.isSkippedFile(childRel)) this.notes.push(await this.symlinkNote(childRel, await this.longPaths.resolve(childAbs(c)).catch(() => childAbs(c))));
        continue;
      }
      if (e.isDirectory()) {
        if (this.isSkippedDir(c.name) || this.isSkippedDir(childRel)) continue;
        await this.walk(childRel, childAbs(c));
      } else if (e.isFile()) {
        const got = sizes.get(c.name);
        if (got === undefined) continue; // skipped by --skip-files
        if (!(got instanceof Error)) {
          this.byPath.set(childRel, fileInfo(childRel, got.size));
          if (!got.direct) this.openPath.set(childRel, got.at);
          if (got.size > this.options.readBudget) this.notes.push(overBudgetNote(childRel, got.size, this.options.readBudget, '; analyzers that can stream it still do'));
        } else this.notes.push({ level: 'warning', path: childRel, message: `cannot stat file: ${errMessage(got)}`, source: 'target' });
      } else if (!this.isSkippedFile(c.name) && !this.isSkippedFile(childRel)) {
        // Sockets, FIFOs and devices are never read: a FIFO would block the scan.
        const kind = e.isFIFO() ? 'a FIFO' : e.isSocket() ? 'a socket' : e.isBlockDevice() || e.isCharacterDevice() ? 'a device' : 'not a regular file';
        this.notes.push({ level: 'info', path: childRel, message: `${kind}; not read`, source: 'target' });
      }
    }
  }

  async close(): Promise<void> {
    await this.longPaths.close();
  }

  async *open(files: FileInfo[]): AsyncIterable<ScanFile> {
    for (const info of files) yield this.fileFor(info);
  }

  get(p: string): ScanFile | undefined {
    const info = this.byPath.get(p);
    return info ? this.fileFor(info) : undefined;
  }

  private fileFor(info: FileInfo): ScanFile {
    const abs = this.type === 'file' ? this.root : (this.openPath.get(info.path) ?? path.join(this.root, ...info.path.split('/')));
    return withTextNotes(localFile(info, abs, this.options.readBudget), this.notes, this.options.readBudget);
  }
}

/** One path segment or several, of letters, digits and `._-`, not `.` or `..`: no glob syntax. */
const PLAIN_PATH = /^\.?[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/\.?[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/**
 * Matches `--skip-dirs` / `--skip-files` globs (picomatch, `dot: true`). Plain names like the default
 * `.git` and `node_modules` match only themselves in picomatch too, so when every glob is plain they
 * are compared as strings and the glob engine (60 KB) is not loaded at all.
 */
export async function globMatcher(globs: readonly string[]): Promise<(p: string) => boolean> {
  if (globs.length === 0) return () => false;
  if (globs.every((g) => PLAIN_PATH.test(g))) {
    const plain = new Set(globs);
    return (p) => plain.has(p);
  }
  const { default: picomatch } = await import('picomatch');
  return picomatch([...globs], { dot: true });
}

export function errMessage(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
    // Node's messages start with the code already (`ENOENT: no such file …`).
    return e.message.startsWith(`${e.code}:`) ? e.message : `${e.code}: ${e.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}
