/**
 * Random access to bytes, whether they sit in memory (archive members, nested pickles) or in a
 * file read through `ScanFile.readAt` (multi-gigabyte checkpoints that must never be loaded whole).
 */
import type { ScanFile } from '../../core/analyzer.js';

export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes at `offset` (fewer at the end). */
  read(offset: number, length: number): Promise<Buffer>;
}

export function bufferSource(buf: Buffer): ByteSource {
  return {
    size: buf.length,
    async read(offset, length) {
      return buf.subarray(offset, Math.min(buf.length, offset + length));
    },
  };
}

export function scanFileSource(file: ScanFile): ByteSource {
  return {
    size: file.size,
    read: (offset, length) => file.readAt(offset, Math.max(0, Math.min(length, file.size - offset))),
  };
}

/** A window [start, start+size) of another source (a stored zip member, a tar entry). */
export function sliceSource(src: ByteSource, start: number, size: number): ByteSource {
  const end = Math.min(src.size, start + size);
  return {
    size: Math.max(0, end - start),
    read(offset, length) {
      const from = start + offset;
      return src.read(from, Math.max(0, Math.min(length, end - from)));
    },
  };
}

/**
 * Serves small reads from a cached window so that walking thousands of zip headers or pickle
 * opcodes does not turn into thousands of file reads; large reads go straight to the source.
 */
export function cachedSource(src: ByteSource, window = 256 * 1024): ByteSource {
  let start = -1;
  let buf: Buffer = Buffer.alloc(0);
  return {
    size: src.size,
    async read(offset, length) {
      if (length > window / 4) return src.read(offset, length);
      if (start < 0 || offset < start || offset + length > start + buf.length) {
        buf = await src.read(offset, Math.max(0, Math.min(src.size, offset + window) - offset));
        start = offset;
      }
      return buf.subarray(offset - start, offset - start + length);
    },
  };
}
