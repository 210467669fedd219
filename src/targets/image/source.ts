/**
 * Random access to the blobs of an image archive, whatever its packaging: a tar file (`docker
 * save` or an OCI archive, possibly gzip-compressed as a whole) or an OCI image-layout directory.
 * Nothing is extracted: a tar is walked once with tar-stream to learn where each entry's bytes are
 * (`byteOffset`), then every blob is read as a byte range of the archive file. In a gzip-compressed
 * archive the range is in the decompressed stream, so each blob read decompresses the archive from
 * the start up to the blob (slower, but still nothing on disk).
 */
import { createReadStream } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { normalizeEntryPath } from './merge.js';

export interface BlobLocation {
  /** Absolute file holding the blob. */
  file: string;
  /** Offset of the first byte in `file`. */
  start: number;
  size: number;
  /** `start` is an offset in the gunzipped content of `file`. */
  gzip?: boolean;
}

export interface ImageSource {
  /** `archive` for a tar file, `layout` for an OCI layout directory. */
  readonly kind: 'archive' | 'layout';
  /** Every blob, keyed by its normalised path inside the archive (`blobs/sha256/…`, `manifest.json`). */
  list(): Promise<Map<string, BlobLocation>>;
}

export class TarSource implements ImageSource {
  readonly kind = 'archive';
  private blobs?: Promise<Map<string, BlobLocation>>;
  constructor(
    private readonly file: string,
    private readonly gzip = false,
  ) {}

  list(): Promise<Map<string, BlobLocation>> {
    this.blobs ??= (async () => {
      const out = new Map<string, BlobLocation>();
      // `docker save` stores a layer shared by two ids once and links the other to it
      // (`<id>/layer.tar -> ../<id2>/layer.tar`): links are resolved inside the archive only.
      const links = new Map<string, string>();
      const extract = tar.extract();
      const input = createReadStream(this.file, { highWaterMark: 1 << 20 });
      input.on('error', (err) => extract.destroy(err));
      if (this.gzip) {
        const gunzip = createGunzip();
        gunzip.on('error', (err) => extract.destroy(err));
        input.pipe(gunzip).pipe(extract as unknown as NodeJS.WritableStream);
      } else input.pipe(extract as unknown as NodeJS.WritableStream);
      try {
        for await (const entry of extract) {
          const h = entry.header as tar.Header & { byteOffset?: number };
          const name = normalizeEntryPath(h.name);
          if (name && h.type === 'file' && typeof h.byteOffset === 'number') {
            out.set(name, { file: this.file, start: h.byteOffset, size: h.size ?? 0, gzip: this.gzip });
          } else if (name && h.linkname && (h.type === 'symlink' || h.type === 'link')) {
            const dir = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '';
            const target = h.type === 'link' || h.linkname.startsWith('/') ? normalizeEntryPath(h.linkname) : normalizeEntryPath(`${dir}/${h.linkname}`);
            if (target) links.set(name, target);
          }
          entry.resume();
        }
      } catch (err) {
        // A truncated archive keeps the blobs listed so far; the caller notes the error.
        throw new PartialListError(resolveLinks(out, links), err);
      } finally {
        input.destroy();
      }
      return resolveLinks(out, links);
    })();
    return this.blobs;
  }
}

/** Adds each link whose chain (at most 8 hops, no loops) ends at a listed blob. */
function resolveLinks(blobs: Map<string, BlobLocation>, links: Map<string, string>): Map<string, BlobLocation> {
  for (const name of links.keys()) {
    let target: string | undefined = name;
    for (let hops = 0; target !== undefined && !blobs.has(target) && hops < 8; hops++) target = links.get(target);
    const loc = target === undefined ? undefined : blobs.get(target);
    if (loc && !blobs.has(name)) blobs.set(name, loc);
  }
  return blobs;
}

/** An OCI image layout directory: `oci-layout`, `index.json`, `blobs/<alg>/<hex>`. Symlinks are not followed. */
export class LayoutSource implements ImageSource {
  readonly kind = 'layout';
  private blobs?: Promise<Map<string, BlobLocation>>;
  constructor(private readonly dir: string) {}

  list(): Promise<Map<string, BlobLocation>> {
    this.blobs ??= (async () => {
      const out = new Map<string, BlobLocation>();
      const walk = async (rel: string, depth: number): Promise<void> => {
        if (depth > 4) return; // blobs/<alg>/<hex> is three levels deep
        const entries = await readdir(path.join(this.dir, rel), { withFileTypes: true });
        for (const e of entries) {
          const childRel = rel ? `${rel}/${e.name}` : e.name;
          if (e.isDirectory()) await walk(childRel, depth + 1);
          else if (e.isFile()) {
            const st = await lstat(path.join(this.dir, childRel));
            out.set(childRel, { file: path.join(this.dir, childRel), start: 0, size: st.size });
          }
        }
      };
      await walk('', 0);
      return out;
    })();
    return this.blobs;
  }
}

export class PartialListError extends Error {
  constructor(
    readonly partial: Map<string, BlobLocation>,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** Raw bytes of a blob as a stream. */
export function openBlob(loc: BlobLocation): Readable {
  if (loc.size === 0) return Readable.from([]);
  if (loc.gzip) return Readable.from(gunzipRange(loc.file, loc.start, loc.size));
  return createReadStream(loc.file, { start: loc.start, end: loc.start + loc.size - 1, highWaterMark: 1 << 20 });
}

/** Bytes [start, start+size) of the decompressed content of a gzip file; stops decompressing after them. */
async function* gunzipRange(file: string, start: number, size: number): AsyncGenerator<Buffer> {
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  const gunzip = createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  const end = start + size;
  let pos = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const from = Math.max(0, start - pos);
      const to = Math.min(chunk.length, end - pos);
      pos += chunk.length;
      if (to > from) yield chunk.subarray(from, to);
      if (pos >= end) return;
    }
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

/** Up to `n` bytes from the start of a blob. */
export async function readBlob(loc: BlobLocation, n = loc.size): Promise<Buffer> {
  const want = Math.min(n, loc.size);
  if (loc.gzip) {
    const chunks: Buffer[] = [];
    let got = 0;
    for await (const chunk of gunzipRange(loc.file, loc.start, want)) {
      chunks.push(chunk);
      got += chunk.length;
    }
    return Buffer.concat(chunks, got);
  }
  const fh = await open(loc.file, 'r');
  try {
    const buf = Buffer.alloc(want);
    const { bytesRead } = await fh.read(buf, 0, want, loc.start);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
