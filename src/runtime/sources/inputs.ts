/**
 * Event inputs: files, directories (walked recursively in name order, as CloudTrail lays them out in
 * S3: AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/*.json.gz), `-` for stdin. Gzip is
 * recognised by its magic bytes, not by the name, and decompressed as a stream (node:zlib), so a
 * compressed bomb costs time, never memory. Symbolic links are not followed out of a walked directory.
 */
import { createReadStream, lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface Input {
  /** Path as given (or `-`). */
  name: string;
  /** The file read, for a file input (a screening thread opens it again by this path). */
  path?: string;
  open(): Readable;
}

/** File names a directory walk reads; CloudTrail digest files are integrity data, not events. */
const EVENT_FILE = /\.(json|jsonl|ndjson|log|txt|gz)$/i;
const SKIP_FILE = /CloudTrail-Digest/i;

export class InputError extends Error {}

function walk(dir: string, out: string[], depth: number): void {
  if (depth > 32) return;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch {
      continue;
    }
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) walk(p, out, depth + 1);
    else if (st.isFile() && EVENT_FILE.test(name) && !SKIP_FILE.test(p)) out.push(p);
  }
}

/** Expands the command-line sources to readable inputs (directories become their event files). */
export function resolveInputs(sources: string[]): Input[] {
  const out: Input[] = [];
  for (const src of sources) {
    if (src === '-') {
      out.push({ name: '-', open: () => process.stdin });
      continue;
    }
    let st: Stats;
    try {
      st = statSync(src);
    } catch {
      throw new InputError(`cannot read "${src}": no such file or directory`);
    }
    if (st.isDirectory()) {
      const files: string[] = [];
      walk(src, files, 0);
      for (const f of files) out.push(fileInput(f));
    } else out.push(fileInput(src));
  }
  return out;
}

export function fileInput(path: string, start = 0): Input {
  return { name: path, path: start === 0 ? path : undefined, open: () => createReadStream(path, { start, highWaterMark: 1024 * 1024 }) };
}

/** Yields the decompressed chunks of a stream, gunzipping when it starts with the gzip magic bytes. */
export async function* decodedChunks(stream: Readable): AsyncGenerator<Buffer> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const first = await it.next();
  if (first.done) return;
  const head = typeof first.value === 'string' ? Buffer.from(first.value) : first.value;
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip();
    const feed = (async () => {
      try {
        gunzip.write(head);
        for (let r = await it.next(); !r.done; r = await it.next()) {
          const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
          if (!gunzip.write(chunk)) await new Promise((res) => gunzip.once('drain', res));
        }
        gunzip.end();
      } catch (err) {
        gunzip.destroy(err as Error);
      }
    })();
    for await (const c of gunzip) yield c as Buffer;
    await feed;
    return;
  }
  yield head;
  for (let r = await it.next(); !r.done; r = await it.next()) yield typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
}
