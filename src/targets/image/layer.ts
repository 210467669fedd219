/**
 * Streams the tar entries of one image layer, decompressing on the fly (gzip via node:zlib, zstd
 * via fzstd, uncompressed tar as is). Compression is recognised by magic bytes, not by media
 * type, because `docker save` labels compressed and uncompressed layers alike.
 */
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar, { type Header } from 'tar-stream';
import { BombGuard, ZstdDecompress } from './decompress.js';
import type { LayerEntry, LayerEntryType } from './merge.js';

/** One tar entry being read: a streamx Readable with its header. */
export type TarEntry = AsyncIterable<Buffer> & { header: Header; resume(): unknown; on(ev: 'end', fn: () => void): unknown };

export type Compression = 'gzip' | 'zstd' | 'xz' | 'bzip2' | 'none';

export function sniffCompression(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  if (head.length >= 6 && head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return 'xz';
  if (head.length >= 3 && head.subarray(0, 3).toString('latin1') === 'BZh') return 'bzip2';
  return 'none';
}

export class UnsupportedLayerError extends Error {}

/** Tar entries of a layer, in order. Each entry must be consumed or `resume()`d before the next. */
export async function* layerEntries(raw: Readable, compression: Compression, compressedSize: number): AsyncGenerator<TarEntry> {
  if (compression === 'xz' || compression === 'bzip2') {
    raw.destroy();
    throw new UnsupportedLayerError(`${compression}-compressed layer (legacy Docker format): no decoder available; layer skipped`);
  }
  const extract = tar.extract();
  let failure: unknown;
  // tar-stream's extractor is a streamx Writable, which node's pipeline() drives like a node stream.
  const sink = extract as unknown as NodeJS.WritableStream;
  const done = (
    compression === 'none'
      ? pipeline(raw, sink)
      : pipeline(raw, compression === 'gzip' ? createGunzip({ chunkSize: 64 * 1024 }) : new ZstdDecompress(), new BombGuard(compressedSize), sink)
  ).catch((err: unknown) => {
    failure = err;
  });
  try {
    for await (const entry of extract) yield entry as unknown as TarEntry;
  } finally {
    if (!extract.destroyed) extract.destroy();
    await done;
  }
  // pipeline() may report a decompression error only after the extractor closed cleanly.
  if (failure && !isPrematureClose(failure)) throw failure;
}

/** An artifact layer that is a plain file: one pseudo tar entry over the blob's bytes. */
export async function* artifactEntries(raw: Readable, name: string, size: number): AsyncGenerator<TarEntry> {
  const header = { name, size, type: 'file', mode: 0o644 } as Header;
  try {
    yield Object.assign(raw as unknown as TarEntry, { header });
  } finally {
    raw.destroy();
  }
}

function isPrematureClose(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE';
}

export function entryType(t: Header['type']): LayerEntryType {
  switch (t) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'link':
    case 'symlink':
    case 'directory':
      return t;
    default:
      return 'other';
  }
}

/**
 * Pass 1: the headers of every entry of a layer; content is skipped (but must be decompressed).
 * A truncated or corrupt layer keeps the entries read before the damage and reports the error.
 */
export async function readLayerHeaders(raw: Readable, compression: Compression, compressedSize: number): Promise<{ entries: LayerEntry[]; error?: unknown }> {
  const entries: LayerEntry[] = [];
  let lastComplete = true;
  try {
    for await (const entry of layerEntries(raw, compression, compressedSize)) {
      const h = entry.header;
      entries.push({ name: h.name, type: entryType(h.type), size: h.size ?? 0, linkname: h.linkname || undefined });
      lastComplete = false;
      entry.on('end', () => {
        lastComplete = true;
      });
      entry.resume();
    }
  } catch (error) {
    // The entry being read when the data ran out is incomplete: drop it.
    if (!lastComplete) entries.pop();
    return { entries, error };
  }
  return { entries };
}
