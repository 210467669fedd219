/**
 * Lists the files of a model or dataset directory for hashing: names relative to the root with `/`
 * separators, sorted by UTF-8 bytes (the order of Python's sorted(), used by OpenSSF model signing).
 * Symbolic links are followed only when they resolve inside the root; links that leave it, and
 * links to directories (loops), are skipped and reported.
 *
 * The file system calls are synchronous: one after another either way, and a promise plus a trip
 * through libuv's thread pool per file cost more than the call (15–25 ms against 2 ms for 64 files).
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
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
    result.files.push({ name: basename(absRoot), abs: absRoot, size: rootStat.size });
    return result;
  }
  const realRoot = realpathSync.native(absRoot);
  const ignored = new Set(ignore);
  const ignoredAbs = new Set(ignoreAbs.map((p) => resolve(p)));
  const walk = (dir: string, prefix: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true });
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
        const st = statSync(target);
        if (!st.isFile()) {
          result.skipped.push({ name, reason: 'symbolic link to a directory (not followed)' });
          continue;
        }
        result.files.push({ name, abs: target, size: st.size, viaSymlink: true });
      } else if (e.isDirectory()) {
        walk(abs, `${name}/`);
      } else if (e.isFile()) {
        result.files.push({ name, abs, size: lstatSync(abs).size });
      } else {
        result.skipped.push({ name, reason: 'not a regular file' });
      }
    }
  };
  walk(absRoot, '');
  result.files = sortByName(result.files);
  return result;
}
