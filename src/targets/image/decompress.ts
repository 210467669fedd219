/**
 * Stream decompressors for image layers and a guard against decompression bombs.
 * gzip comes from node:zlib; zstd (Docker ≥ 23 can push zstd layers) from `fzstd`, a small pure-JS
 * decoder, because node:zlib has zstd only from Node 22.15 and aigis supports Node 20.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { Decompress } from 'fzstd';

/** Largest zstd window accepted (the zstd CLI's own default limit without `--long` is 128 MiB). */
export const MAX_ZSTD_WINDOW = 256 * 1024 * 1024;

/**
 * Window size declared by a zstd frame header (RFC 8878 §3.1.1.1), or undefined when `head` is
 * too short. fzstd allocates the whole window up front, so a hostile header is refused first.
 */
export function zstdWindowSize(head: Buffer): number | undefined {
  if (head.length < 6 || head.readUInt32LE(0) !== 0xfd2fb528) return undefined;
  const fhd = head[4];
  const singleSegment = (fhd >> 5) & 1;
  if (!singleSegment) {
    const wd = head[5];
    const base = 2 ** (10 + (wd >> 3));
    return base + (base / 8) * (wd & 7);
  }
  // Single segment: the window is the frame content size.
  const fcsFlag = fhd >> 6;
  const dictBytes = [0, 1, 2, 4][fhd & 3];
  const at = 5 + dictBytes;
  const size = [1, 2, 4, 8][fcsFlag];
  if (head.length < at + size) return undefined;
  if (size === 1) return head[at];
  if (size === 2) return head.readUInt16LE(at) + 256;
  if (size === 4) return head.readUInt32LE(at);
  return Number(head.readBigUInt64LE(at));
}

export class ZstdDecompress extends Transform {
  private checked = false;
  private readonly decoder = new Decompress((chunk) => {
    // fzstd may reuse its window buffer for the next chunk: copy before handing it on.
    this.push(Buffer.from(chunk));
  });

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      if (!this.checked) {
        // Only the first frame's header is checked (layers are written as one frame in practice).
        this.checked = true;
        const window = zstdWindowSize(chunk);
        if (window !== undefined && window > MAX_ZSTD_WINDOW) {
          cb(new Error(`zstd frame declares a ${window}-byte window, over the ${MAX_ZSTD_WINDOW}-byte limit; layer skipped`));
          return;
        }
      }
      this.decoder.push(chunk);
      cb();
    } catch (err) {
      cb(asError(err));
    }
  }

  override _flush(cb: TransformCallback): void {
    try {
      this.decoder.push(new Uint8Array(0), true);
      cb();
    } catch (err) {
      cb(asError(err));
    }
  }
}

/** Largest decompressed size allowed regardless of ratio, and the ratio above which a layer looks like a bomb. */
export const BOMB_FLOOR = 1024 ** 3;
export const BOMB_RATIO = 200;

/**
 * Counts decompressed bytes and fails once they exceed max(BOMB_FLOOR, BOMB_RATIO × compressed):
 * real layers compress about 2-10:1, a zip bomb 1000:1 and more.
 */
export class BombGuard extends Transform {
  private seen = 0;
  constructor(
    private readonly compressedSize: number,
    private readonly floor = BOMB_FLOOR,
    private readonly ratio = BOMB_RATIO,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.seen += chunk.length;
    const limit = Math.max(this.floor, this.ratio * this.compressedSize);
    if (this.seen > limit) {
      cb(new Error(`decompressed size passed ${limit} bytes from ${this.compressedSize} compressed (ratio over ${this.ratio}:1, a decompression bomb?); rest of the layer skipped`));
      return;
    }
    cb(null, chunk);
  }
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
