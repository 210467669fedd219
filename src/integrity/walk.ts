/**
 * Lists the files of a model or dataset directory for hashing: names relative to the root with `/`
 * separators, sorted by UTF-8 bytes (the order of Python's sorted(), used by OpenSSF model signing).
 * Symbolic links are followed only when they resolve inside the root; links that leave it, and
 * links to directories (loops), are skipped and reported, as are subdirectories that cannot be read.
 *
 * The file system calls are synchronous: one after another either way, and a promise plus a trip
 * through libuv's thread pool per file cost more than the call (15–25 ms against 2 ms for 64 files).
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';

/** Paths OpenSSF model signing ignores by default (plus the manifest and signature files themselves). */
export const DEFAULT_IGNORE = ['.git', '.gitattributes', '.github', '.gitignore'];

export interface FileEntry {
  /** Name in the manifest: relative to the root, `/`-separated. */
  name: string;
  abs: string;
  size: number;
  viaSymlink?: boolean;
}

export interface WalkResult {
  files: FileEntry[];
  skipped: { name: string; reason: string }[];
}

/** A copy sorted by name in UTF-8 byte order (stable), each name encoded once rather than per comparison. */
export function sortByName<T extends { name: string }>(items: readonly T[]): T[] {
  const keyed = items.map((item) => ({ item, key: Buffer.from(item.name, 'utf8') }));
  keyed.sort((a, b) => Buffer.compare(a.key, b.key));
  return keyed.map((k) => k.item);
}

const errorCode = (e: unknown): string => String((e as { code?: unknown }).code ?? (e instanceof Error ? e.message : e));

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/**
 * Walks `root` (a directory, or a single file whose name is its base name). `ignore` holds
 * root-relative names or base names to leave out (`.git`, the manifest file …).
 */
export async function listFiles(root: string, ignore: string[] = DEFAULT_IGNORE, ignoreAbs: string[] = []): Promise<WalkResult> {
  const absRoot = resolve(root);
  const result: WalkResult = { files: [], skipped: [] };
  const rootStat = statSync(absRoot);
  if (rootStat.isFile()) {
    // A link given by name is followed (the files are opened with O_NOFOLLOW: pass the target).
    result.files.push({ name: basename(absRoot), abs: realpathSync.native(absRoot), size: rootStat.size });
    return result;
  }
  const realRoot = realpathSync.native(absRoot);
  const ignored = new Set(ignore);
  const ignoredAbs = new Set(ignoreAbs.map((p) => resolve(p)));
  const walk = (dir: string, prefix: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      // The root must be readable; a subdirectory that is not (permissions, removed meanwhile) is noted.
      if (!prefix) throw e;
      result.skipped.push({ name: prefix.slice(0, -1), reason: `cannot read directory (${errorCode(e)}); its files are not hashed` });
      return;
    }
    for (const e of entries) {
      const abs = join(dir, e.name);
      const name = prefix + e.name;
      if (ignored.has(name) || ignored.has(e.name) || ignoredAbs.has(abs)) continue;
      if (e.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync.native(abs);
        } catch {
          result.skipped.push({ name, reason: 'dangling symbolic link' });
          continue;
        }
        if (!inside(realRoot, target)) {
          result.skipped.push({ name, reason: 'symbolic link leaves the directory (not followed)' });
          continue;
        }
        const st = statOrNote(() => statSync(target), name);
        if (!st) continue;
        if (!st.isFile()) {
          result.skipped.push({ name, reason: 'symbolic link to a directory (not followed)' });
          continue;
        }
        result.files.push({ name, abs: target, size: st.size, viaSymlink: true });
      } else if (e.isDirectory()) {
        walk(abs, `${name}/`);
      } else if (e.isFile()) {
        const st = statOrNote(() => lstatSync(abs), name);
        if (st) result.files.push({ name, abs, size: st.size });
      } else {
        result.skipped.push({ name, reason: 'not a regular file' });
      }
    }
  };
  /** A stat that may fail if the entry changed since it was listed: noted, and the entry left out. */
  const statOrNote = (stat: () => Stats, name: string): Stats | undefined => {
    try {
      return stat();
    } catch (e) {
      result.skipped.push({ name, reason: `cannot read (${errorCode(e)})` });
      return undefined;
    }
  };
  walk(absRoot, '');
  result.files = sortByName(result.files);
  return result;
}
