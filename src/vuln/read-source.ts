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
import { checkCrc, entryContent, listZip } from '../models/containers/zip-reader.js';
import { bufferSource } from '../models/io/byte-source.js';

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

/** The failsafe schema has no null: an empty YAML value (`aliases:`) arrives as ''; read it as absent. */
function dropEmpty(v: unknown, depth = 0): unknown {
  if (depth > 64) return v;
  if (v === '') return undefined;
  if (Array.isArray(v)) return v.map((x) => dropEmpty(x, depth + 1)).filter((x) => x !== undefined);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dropEmpty(x, depth + 1)]).filter(([, x]) => x !== undefined));
  return v;
}

function parseDocument(name: string, bytes: Buffer): unknown[] {
  const text = bytes.toString('utf8');
  let doc: unknown;
  try {
    // YAML with the failsafe schema: every scalar stays a string, as OSV wants (PyPA's YAML has
    // unquoted versions such as `fixed: 1.10` that the core schema would turn into the number 1.1).
    doc = /\.ya?ml$/i.test(name) ? dropEmpty(parseYaml(text, { schema: 'failsafe', maxAliasCount: 100 })) : JSON.parse(text);
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

/** Largest single record inside a zip, after inflating (zip-bomb cap). */
const MAX_ZIP_MEMBER = 16 * 1024 * 1024;

/**
 * Reads records from a zip held in memory, with the same tolerant reader the model scanner uses
 * (zip64, data descriptors; inflation capped). An import must be all or nothing, so structural
 * damage, a member that does not inflate completely or a CRC mismatch aborts it.
 */
export async function readZip(name: string, buf: Buffer, out: ReadOutcome = emptyOutcome()): Promise<ReadOutcome> {
  const src = bufferSource(buf);
  const { entries, anomalies } = await listZip(src);
  const broken = anomalies.find((a) => a.kind === 'structure' || a.kind === 'central-only' || a.kind === 'crc');
  if (broken || !isZipMagic(buf)) throw new ImportError(`${name}: corrupt zip: ${broken?.message ?? 'not a zip file'}`);
  for (const entry of entries) {
    if (entry.seenIn === 'local' || entry.name.endsWith('/') || !RECORD_FILE.test(entry.name)) continue;
    if (entry.size > MAX_ZIP_MEMBER) throw new ImportError(`${name}: corrupt zip: ${entry.name}: member of ${entry.size} bytes is over the limit of ${MAX_ZIP_MEMBER}`);
    const content = await entryContent(src, entry, MAX_ZIP_MEMBER);
    if (!content.complete || !(await checkCrc(content.source, entry))) {
      throw new ImportError(`${name}: corrupt zip: ${entry.name}: ${content.error ?? 'CRC mismatch or truncated data'}`);
    }
    addDocument(out, `${name}!${entry.name}`, await content.source.read(0, content.source.size));
  }
  return out;
}

function isZipMagic(buf: Buffer): boolean {
  return buf.length >= 4 && (buf.readUInt32LE(0) === 0x04034b50 || buf.readUInt32LE(0) === 0x06054b50);
}

export function emptyOutcome(): ReadOutcome {
  return { records: [], withdrawn: [], skipped: 0, files: 0 };
}

/**
 * Synchronous on purpose: an OSV export directory holds tens of thousands of small files, and one
 * thread-pool round trip per stat/read made the import several times slower than plain sync reads.
 */
function readDir(root: string, dir: string, out: ReadOutcome, depth: number, zips: string[]): void {
  if (depth > 32) throw new ImportError(`${dir}: directories nested too deeply`);
  const names = readdirSync(dir).sort();
  for (const n of names) {
    const p = join(dir, n);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) continue; // never follow links out of the source
    if (st.isDirectory()) readDir(root, p, out, depth + 1, zips);
    else if (st.isFile() && RECORD_FILE.test(n)) {
      if (st.size > MAX_FILE) throw new ImportError(`${relative(root, p)}: file of ${st.size} bytes is too large for one OSV record`);
      addDocument(out, relative(root, p) || n, readFileSync(p));
    } else if (st.isFile() && /\.zip$/i.test(n)) zips.push(p);
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
    const zips: string[] = [];
    readDir(source, source, out, 0, zips);
    for (const z of zips) await readZip(relative(source, z), readFileSync(z), out);
    return out;
  }
  const buf = await readFile(source);
  if (/\.zip$/i.test(source) || isZipMagic(buf)) return readZip(source, buf, out);
  if (!RECORD_FILE.test(source)) throw new ImportError(`${source}: expected a directory, a .json/.yaml record file or a .zip`);
  addDocument(out, source, buf);
  return out;
}
