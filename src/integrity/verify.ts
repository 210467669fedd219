/** Compares a manifest with the files on disk: changed, missing and extra files. */
import { hashFiles, type HashOptions } from './hash-pool.js';
import type { Manifest } from './manifest.js';
import { listFiles, DEFAULT_IGNORE } from './walk.js';

export interface VerifyResult {
  matched: string[];
  changed: { name: string; expected: string; actual: string }[];
  missing: string[];
  extra: string[];
  /** Files that could not be read, or symlinks not followed. */
  unreadable: { name: string; reason: string }[];
}

export function verifyOk(r: VerifyResult): boolean {
  return r.changed.length === 0 && r.missing.length === 0 && r.extra.length === 0 && r.unreadable.length === 0;
}

export async function verifyManifest(manifest: Manifest, root: string, opts: HashOptions & { ignoreAbs?: string[]; ignore?: string[] } = {}): Promise<VerifyResult> {
  // Honour the ignore list recorded in the manifest (model-signing `serialization.ignore_paths`).
  const recorded = manifest.serialization?.ignore_paths;
  const ignore = [...(opts.ignore ?? DEFAULT_IGNORE), ...(Array.isArray(recorded) ? recorded.filter((p): p is string => typeof p === 'string') : [])];
  const walk = await listFiles(root, ignore, opts.ignoreAbs ?? []);
  const onDisk = new Map(walk.files.map((f) => [f.name, f]));
  const expected = new Map(manifest.entries.map((e) => [e.name, e.sha256]));
  const result: VerifyResult = { matched: [], changed: [], missing: [], extra: [], unreadable: [] };
  for (const name of expected.keys()) if (!onDisk.has(name)) result.missing.push(name);
  for (const s of walk.skipped) {
    if (expected.has(s.name)) {
      result.missing.splice(result.missing.indexOf(s.name), 1);
      result.unreadable.push(s);
    }
  }
  const scope = scopeOf(expected.keys());
  const present = walk.files.filter((f) => {
    if (expected.has(f.name)) return true;
    if (inScope(f.name, scope)) result.extra.push(f.name);
    return false;
  });
  const hashes = await hashFiles(present, opts);
  present.forEach((f, i) => {
    const h = hashes[i];
    const want = expected.get(f.name)!;
    if (h.error !== undefined) result.unreadable.push({ name: f.name, reason: h.error });
    else if (h.sha256 === want) result.matched.push(f.name);
    else result.changed.push({ name: f.name, expected: want, actual: h.sha256! });
  });
  return result;
}

/**
 * The directories a manifest covers: those that hold a listed file directly ('' is the root, others end
 * in '/'). A manifest of one directory lists files at its top, so everything under the root is covered;
 * one made of several paths (`aigis hash data models`, names relative to the working directory) covers
 * data/ and models/ only, and the other files of the working directory are not extra.
 */
function scopeOf(names: Iterable<string>): Set<string> {
  const dirs = new Set<string>();
  for (const name of names) dirs.add(name.slice(0, name.lastIndexOf('/') + 1));
  return dirs;
}

/** Whether a file lies in a covered directory or below one. */
function inScope(name: string, scope: Set<string>): boolean {
  for (let i = name.lastIndexOf('/'); ; i = name.lastIndexOf('/', i - 1)) {
    if (scope.has(name.slice(0, i + 1))) return true;
    if (i <= 0) return i === 0 && scope.has('');
  }
}

