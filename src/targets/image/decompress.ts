/**
 * Stream decompressors for image layers and a guard against decompression bombs.
 * gzip comes from node:zlib; zstd (Docker ≥ 23 can push zstd layers) from `fzstd`, a small pure-JS
 * decoder, because node:zlib has zstd only from Node 22.15 and aigis supports Node 20.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { Decompress } from 'fzstd';

export class ZstdDecompress extends Transform {
  private readonly decoder = new Decompress((chunk) => {
    // fzstd may reuse its window buffer for the next chunk: copy before handing it on.
    this.push(Buffer.from(chunk));
  });

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
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
