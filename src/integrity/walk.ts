/**
 * Lists the files of a model or dataset directory for hashing: names relative to the root with `/`
 * separators, sorted by UTF-8 bytes (the order of Python's sorted(), used by OpenSSF model signing).
 * Symbolic links are followed only when they resolve inside the root; links that leave it, and
 * links to directories (loops), are skipped and reported.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
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

export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
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
  const rootStat = await stat(absRoot);
  if (rootStat.isFile()) {
    result.files.push({ name: basename(absRoot), abs: absRoot, size: rootStat.size });
    return result;
  }
  const realRoot = await realpath(absRoot);
  const ignored = new Set(ignore);
  const ignoredAbs = new Set(ignoreAbs.map((p) => resolve(p)));
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      const abs = join(dir, e.name);
      const name = relative(absRoot, abs).split(sep).join('/');
      if (ignored.has(name) || ignored.has(e.name) || ignoredAbs.has(abs)) continue;
      if (e.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(abs);
        } catch {
          result.skipped.push({ name, reason: 'dangling symbolic link' });
          continue;
        }
        if (!inside(realRoot, target)) {
          result.skipped.push({ name, reason: 'symbolic link leaves the directory (not followed)' });
          continue;
        }
        const st = await stat(target);
        if (!st.isFile()) {
          result.skipped.push({ name, reason: 'symbolic link to a directory (not followed)' });
          continue;
        }
        result.files.push({ name, abs: target, size: st.size, viaSymlink: true });
      } else if (e.isDirectory()) {
        await walk(abs);
      } else if (e.isFile()) {
        result.files.push({ name, abs, size: (await lstat(abs)).size });
      } else {
        result.skipped.push({ name, reason: 'not a regular file' });
      }
    }
  };
  await walk(absRoot);
  result.files.sort((a, b) => compareNames(a.name, b.name));
  return result;
}
