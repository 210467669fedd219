/** Builds a manifest for one or more paths (`aigis hash`). */
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { hashFiles, type HashOptions } from './hash-pool.js';
import type { Manifest } from './manifest.js';
import { DEFAULT_IGNORE, listFiles, type FileEntry } from './walk.js';

export class HashError extends Error {}

export interface BuildResult {
  manifest: Manifest;
  skipped: { name: string; reason: string }[];
  bytes: number;
}

/**
 * One directory: names relative to it, model name = its base name (what model-signing does); one
 * file: its path from the working directory when it is inside it, else its base name.
 * Otherwise names are relative to `root` (default: the current directory), and every path must be inside it.
 */
export interface BuildOptions {
  root?: string;
  ignoreAbs?: string[];
  ignore?: string[];
  concurrency?: number;
  /** Progress for a TTY: files done, total files, bytes hashed so far. */
  onProgress?: (p: { files: number; total: number; bytes: number }) => void;
}

export async function buildManifest(paths: string[], opts: BuildOptions = {}): Promise<BuildResult> {
  if (paths.length === 0) throw new HashError('no path to hash');
  const ignore = opts.ignore ?? DEFAULT_IGNORE;
  const files: FileEntry[] = [];
  const skipped: BuildResult['skipped'] = [];
  let modelName: string;
  const one = paths.length === 1 && !opts.root ? await stat(paths[0]).catch(() => undefined) : undefined;
  if (paths.length === 1 && !opts.root && !one) throw new HashError(`cannot read ${paths[0]}`);
  // One file inside the working directory is named from there (`data/train.csv`), so that the manifest
  // checks from where it was made, as `sha256sum -c` does; one file elsewhere keeps its base name.
  const single = one && (one.isDirectory() || !insideCwd(paths[0])) ? one : undefined;
  if (single) {
    // One directory (or one file): names relative to it, as model-signing does.
    const w = await listFiles(paths[0], ignore, opts.ignoreAbs);
    files.push(...w.files);
    skipped.push(...w.skipped);
    modelName = basename(resolve(paths[0]));
  } else {
    const root = resolve(opts.root ?? '.');
    modelName = basename(root);
    for (const p of paths) {
      const abs = resolve(p);
      const rel = relative(root, abs);
      if (rel.startsWith('..') || rel.startsWith(sep)) throw new HashError(`${p} is outside the root ${root} (set --root)`);
      const st = await stat(abs).catch(() => undefined);
      if (!st) throw new HashError(`cannot read ${p}`);
      const w = await listFiles(abs, ignore, opts.ignoreAbs);
      const prefix = rel.split(sep).join('/');
      for (const f of w.files) files.push({ ...f, name: st.isDirectory() ? (prefix ? `${prefix}/${f.name}` : f.name) : prefix });
      for (const s of w.skipped) skipped.push({ ...s, name: prefix ? `${prefix}/${s.name}` : s.name });
    }
  }
  const unique = new Map(files.map((f) => [f.name, f]));
  const list = [...unique.values()];
  let bytes = 0;
  const progress = opts.onProgress;
  const hashOpts: HashOptions = {
    concurrency: opts.concurrency,
    onProgress: progress ? (b, files) => progress({ files, total: list.length, bytes: (bytes += b) }) : undefined,
  };
  const hashes = await hashFiles(list, hashOpts);
  // A file that changed after the walk (removed, or now a FIFO, a directory or a symbolic link) is
  // refused by the pool: it is noted and left out, like the entries the walk skips.
  const entries: Manifest['entries'] = [];
  list.forEach((f, i) => {
    const h = hashes[i];
    if (h.error !== undefined) skipped.push({ name: f.name, reason: `cannot hash: ${h.error}` });
    else entries.push({ name: f.name, sha256: h.sha256! });
  });
  const hashed = list.filter((_, i) => hashes[i].error === undefined);
  const manifest: Manifest = {
    modelName,
    entries,
    serialization: { method: 'files', hash_type: 'sha256', allow_symlinks: hashed.some((f) => f.viaSymlink), ignore_paths: ignore },
  };
  return { manifest, skipped, bytes: hashed.reduce((a, f) => a + f.size, 0) };
}

function insideCwd(p: string): boolean {
  const rel = relative(resolve('.'), resolve(p));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

