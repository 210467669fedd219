/**
 * Reads OSV records from an import source: a directory (walked, links not followed), a single JSON or
 * YAML file (one record, a list, or an OSV API `{"vulns": [...]}` answer), or a zip such as OSV's
 * per-ecosystem `all.zip`. Any invalid record aborts the whole read with a message naming it, so that
 * an import either takes everything or changes nothing.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fromOsv, InvalidRecordError, type AdvisoryRecord } from './record.js';
import { isZip, listZip, readZipEntry, ZipError } from './zip.js';

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

export interface ReadOutcome {
  records: AdvisoryRecord[];
  /** Ids of withdrawn records (dropped, and removed from the database if present). */
  withdrawn: string[];
  /** Records read but with nothing aigis can match (other ecosystems, GIT-only). */
  skipped: number;
  files: number;
}

const RECORD_FILE = /\.(json|ya?ml)$/i;
const MAX_FILE = 16 * 1024 * 1024;

function parseDocument(name: string, bytes: Buffer): unknown[] {
  const text = bytes.toString('utf8');
  let doc: unknown;
  try {
    doc = /\.ya?ml$/i.test(name) ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (e) {
    throw new ImportError(`${name}: not valid ${/\.ya?ml$/i.test(name) ? 'YAML' : 'JSON'} (${(e as Error).message.split('\n')[0]})`);
  }
  if (Array.isArray(doc)) return doc;
  if (doc && typeof doc === 'object' && Array.isArray((doc as { vulns?: unknown }).vulns)) return (doc as { vulns: unknown[] }).vulns;
  return [doc];
}

function addDocument(out: ReadOutcome, name: string, bytes: Buffer): void {
  out.files++;
  for (const raw of parseDocument(name, bytes)) {
    let res;
    try {
      res = fromOsv(raw);
    } catch (e) {
      if (e instanceof InvalidRecordError) throw new ImportError(`${name}: invalid OSV record: ${e.message}`);
      throw e;
    }
    if (res.kind === 'record') out.records.push(res.record);
    else if (res.kind === 'withdrawn') out.withdrawn.push(res.id);
    else out.skipped++;
  }
}

/** Reads records from a zip held in memory. */
export function readZip(name: string, buf: Buffer, out: ReadOutcome = emptyOutcome()): ReadOutcome {
  let entries;
  try {
    entries = listZip(buf);
  } catch (e) {
    if (e instanceof ZipError) throw new ImportError(`${name}: corrupt zip: ${e.message}`);
    throw e;
  }
  for (const entry of entries) {
    if (entry.name.endsWith('/') || !RECORD_FILE.test(entry.name)) continue;
    let data;
    try {
      data = readZipEntry(buf, entry);
    } catch (e) {
      if (e instanceof ZipError) throw new ImportError(`${name}: corrupt zip: ${e.message}`);
      throw e;
    }
    addDocument(out, `${name}!${entry.name}`, data);
  }
  return out;
}

export function emptyOutcome(): ReadOutcome {
  return { records: [], withdrawn: [], skipped: 0, files: 0 };
}

/**
 * Synchronous on purpose: an OSV export directory holds tens of thousands of small files, and one
 * thread-pool round trip per stat/read made the import several times slower than plain sync reads.
 */
function readDir(root: string, dir: string, out: ReadOutcome, depth: number): void {
  if (depth > 32) throw new ImportError(`${dir}: directories nested too deeply`);
  const names = readdirSync(dir).sort();
  for (const n of names) {
    const p = join(dir, n);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) continue; // never follow links out of the source
    if (st.isDirectory()) readDir(root, p, out, depth + 1);
    else if (st.isFile() && RECORD_FILE.test(n)) {
      if (st.size > MAX_FILE) throw new ImportError(`${relative(root, p)}: file of ${st.size} bytes is too large for one OSV record`);
      addDocument(out, relative(root, p) || n, readFileSync(p));
    } else if (st.isFile() && /\.zip$/i.test(n)) readZip(relative(root, p), readFileSync(p), out);
  }
}

/** Reads every record of `source` (directory, file or zip). Throws ImportError with a clear reason. */
export async function readSource(source: string): Promise<ReadOutcome> {
  let st;
  try {
    st = await stat(source); // the source named by the user may itself be a link
  } catch {
    throw new ImportError(`${source}: no such file or directory`);
  }
  const out = emptyOutcome();
  if (st.isDirectory()) {
    readDir(source, source, out, 0);
    return out;
  }
  const buf = await readFile(source);
  if (/\.zip$/i.test(source) || isZip(buf)) return readZip(source, buf, out);
  if (!RECORD_FILE.test(source)) throw new ImportError(`${source}: expected a directory, a .json/.yaml record file or a .zip`);
  addDocument(out, source, buf);
  return out;
}
