/**
 * `aigis db update`: downloads OSV's per-ecosystem exports (`<base>/PyPI/all.zip`, `<base>/npm/all.zip`)
 * and replaces the local database with them, atomically. The only network access aigis makes, and only
 * on this explicit command. HTTPS only, except plain HTTP to a loopback address (tests, local mirrors).
 */
import { importRecords, type StoreFile } from './store.js';
import { emptyOutcome, ImportError, readZip } from './read-source.js';
import { SUPPORTED_ECOSYSTEMS } from './versions.js';

export const DEFAULT_OSV_BASE_URL = 'https://osv-vulnerabilities.storage.googleapis.com';
const MAX_DOWNLOAD = 1024 * 1024 * 1024;

export class UpdateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpdateError';
  }
}

function checkUrl(base: string): URL {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new UpdateError(`invalid base URL "${base}"`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new UpdateError(`refusing ${url.protocol} URL ${base}: use https (plain http is accepted for loopback mirrors only)`);
  return url;
}

async function download(url: string, timeoutMs: number): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new UpdateError(`cannot download ${url}: ${cause?.code ?? cause?.message ?? (e as Error).message} (no network? aigis keeps working offline with the bundled snapshot; "aigis db import FILE" loads a copy fetched elsewhere)`);
  }
  if (!res.ok) throw new UpdateError(`cannot download ${url}: HTTP ${res.status} ${res.statusText}`);
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > MAX_DOWNLOAD) throw new UpdateError(`${url}: ${length} bytes is over the ${MAX_DOWNLOAD}-byte download limit`);
  const buf = Buffer.from(await res.arrayBuffer());
  if (buf.length > MAX_DOWNLOAD) throw new UpdateError(`${url}: over the download limit`);
  return buf;
}

export interface UpdateOptions {
  baseUrl?: string;
  dir?: string;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export async function updateDatabase(opts: UpdateOptions = {}): Promise<StoreFile> {
  const base = (opts.baseUrl ?? process.env.AIGIS_OSV_BASE_URL ?? DEFAULT_OSV_BASE_URL).replace(/\/+$/, '');
  checkUrl(base);
  const outcome = emptyOutcome();
  const sources: string[] = [];
  for (const eco of SUPPORTED_ECOSYSTEMS) {
    const url = `${base}/${eco}/all.zip`;
    opts.log?.(`downloading ${url}`);
    const buf = await download(url, opts.timeoutMs ?? 300_000);
    try {
      readZip(url, buf, outcome);
    } catch (e) {
      if (e instanceof ImportError) throw new UpdateError(e.message);
      throw e;
    }
    sources.push(url);
  }
  return importRecords(outcome, sources.join(' + '), { replace: true, dir: opts.dir });
}
