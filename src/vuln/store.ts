/**
 * The local advisory database under the cache directory (`~/.cache/aigis/db/advisories.json`, or
 * `$AIGIS_CACHE_DIR/db/...`). It starts out as the bundled snapshot; `db import` adds records (newer
 * `modified` wins per id), `--replace` replaces everything including the snapshot's part. Writes go to
 * a temporary file in the same directory that is then renamed over the old one, so a failed import
 * leaves the previous database untouched.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AdvisoryDatabase } from './database.js';
import type { AdvisoryRecord } from './record.js';
import { loadSnapshot, type Snapshot } from './snapshot.js';
import type { ReadOutcome } from './read-source.js';
import { dropCoveredVersions } from './compact.js';

export interface SourceInfo {
  source: string;
  importedAt: string;
  records: number;
  withdrawn: number;
}

export interface StoreFile {
  schema: 1;
  /** Whether the bundled snapshot is part of the database (false after `--replace` or `update`). */
  bundled: boolean;
  updatedAt: string;
  sources: SourceInfo[];
  /** Ids withdrawn by an imported record: suppressed even if the snapshot has them. */
  withdrawn: string[];
  records: AdvisoryRecord[];
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.AIGIS_CACHE_DIR && env.AIGIS_CACHE_DIR.length > 0 ? env.AIGIS_CACHE_DIR : join(homedir(), '.cache', 'aigis');
}

export function storePath(dir = cacheDir()): string {
  return join(dir, 'db', 'advisories.json');
}

export async function readStore(dir = cacheDir()): Promise<StoreFile | undefined> {
  let text;
  try {
    text = await readFile(storePath(dir), 'utf8');
  } catch {
    return undefined;
  }
  const data = JSON.parse(text) as StoreFile;
  if (data?.schema !== 1 || !Array.isArray(data.records)) throw new Error(`${storePath(dir)}: not an aigis advisory database (remove it or run "aigis db import --replace")`);
  return data;
}

async function writeStore(dir: string, store: StoreFile): Promise<void> {
  const path = storePath(dir);
  await mkdir(join(dir, 'db'), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    await writeFile(tmp, JSON.stringify(store));
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

function newer(a: AdvisoryRecord, b: AdvisoryRecord): AdvisoryRecord {
  return (b.modified ?? '') > (a.modified ?? '') ? b : a;
}

/** Adds (or with `replace`, substitutes) the records read from one source; atomic. */
export async function importRecords(outcome: ReadOutcome, source: string, opts: { replace?: boolean; dir?: string; now?: Date } = {}): Promise<StoreFile> {
  const dir = opts.dir ?? cacheDir();
  const now = (opts.now ?? new Date()).toISOString();
  const previous = opts.replace ? undefined : await readStore(dir);
  const byId = new Map<string, AdvisoryRecord>();
  for (const r of previous?.records ?? []) byId.set(r.id, r);
  const withdrawn = new Set(previous?.withdrawn ?? []);
  for (const id of outcome.withdrawn) {
    byId.delete(id);
    withdrawn.add(id);
  }
  for (const rec of outcome.records) {
    const r = dropCoveredVersions(rec);
    const old = byId.get(r.id);
    byId.set(r.id, old ? newer(old, r) : r);
    withdrawn.delete(r.id);
  }
  const store: StoreFile = {
    schema: 1,
    bundled: opts.replace ? false : (previous?.bundled ?? true),
    updatedAt: now,
    sources: [...(previous?.sources ?? []), { source, importedAt: now, records: outcome.records.length, withdrawn: outcome.withdrawn.length }],
    withdrawn: [...withdrawn].sort(),
    records: [...byId.values()].sort((a, b) => a.id.localeCompare(b.id, 'en')),
  };
  await writeStore(dir, store);
  return store;
}

/** The records in effect: the local database (plus the snapshot unless replaced), or the snapshot alone. */
export async function effectiveRecords(dir = cacheDir(), snapshot?: Snapshot): Promise<{ records: AdvisoryRecord[]; store?: StoreFile; snapshot?: Snapshot }> {
  const store = await readStore(dir);
  if (store && !store.bundled) return { records: store.records, store };
  const snap = snapshot ?? (await loadSnapshot());
  if (!store) return { records: snap.records, snapshot: snap };
  const own = new Set(store.records.map((r) => r.id));
  const suppressed = new Set(store.withdrawn);
  const fromSnapshot = snap.records.filter((r) => !own.has(r.id) && !suppressed.has(r.id));
  return { records: [...fromSnapshot, ...store.records], store, snapshot: snap };
}

const loaded = new Map<string, Promise<AdvisoryDatabase>>();

/** The advisory database for scans, loaded once per process. */
export function openDatabase(dir = cacheDir()): Promise<AdvisoryDatabase> {
  let db = loaded.get(dir);
  if (!db) {
    db = effectiveRecords(dir).then(({ records }) => new AdvisoryDatabase(records));
    loaded.set(dir, db);
  }
  return db;
}
