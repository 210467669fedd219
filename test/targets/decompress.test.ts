import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BombGuard, MAX_ZSTD_WINDOW, ZstdDecompress, zstdWindowSize } from '../../src/targets/image/decompress.js';
import { sniffCompression } from '../../src/targets/image/layer.js';

async function run(input: Buffer, ...transforms: NodeJS.ReadWriteStream[]): Promise<Buffer> {
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      out.push(chunk);
      cb();
    },
  });
  await pipeline(Readable.from([input]), ...(transforms as [NodeJS.ReadWriteStream]), sink);
  return Buffer.concat(out);
}

const text = Buffer.from('hello zstd layer\n'.repeat(1000));
// Made by test/fixtures/images/make-images.py with the zstd tool (not needed to run the tests).
const zstd = readFileSync(path.resolve(__dirname, '../fixtures/images/sample.zst'));

describe('layer decompression', () => {
  it('sniffs compression by magic bytes', () => {
    expect(sniffCompression(Buffer.from([0x1f, 0x8b, 8, 0]))).toBe('gzip');
    expect(sniffCompression(zstd)).toBe('zstd');
    expect(sniffCompression(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0]))).toBe('xz');
    expect(sniffCompression(Buffer.from('BZh91AY'))).toBe('bzip2');
    expect(sniffCompression(Buffer.from('etc/passwd\0'))).toBe('none');
  });

  it('decodes zstd with the pure-JS decoder', async () => {
    expect((await run(zstd, new ZstdDecompress())).equals(text)).toBe(true);
  });

  it('refuses a zstd frame that declares a huge window before allocating it', async () => {
    // Frame header: magic, descriptor 0 (no single segment, no content size), window byte
    // exponent 21 → 2^(10+21) = 2 GiB (what `zstd --long=31` writes), then junk.
    const long = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 21 << 3]), Buffer.alloc(64, 1)]);
    expect(zstdWindowSize(long)).toBe(2 ** 31);
    await expect(run(long, new ZstdDecompress())).rejects.toThrow(/declares a 2147483648-byte window/);
    expect(zstdWindowSize(zstd)).toBeLessThanOrEqual(MAX_ZSTD_WINDOW);
  });

  it('fails cleanly on a truncated zstd stream', async () => {
    await expect(run(zstd.subarray(0, zstd.length >> 1), new ZstdDecompress())).rejects.toThrow();
  });

  it('stops a stream whose decompressed size passes the bomb limit', async () => {
    await expect(run(Buffer.alloc(5000), new BombGuard(10, 1000, 200))).rejects.toThrow(/decompression bomb/);
    expect((await run(Buffer.alloc(500), new BombGuard(10, 1000, 200))).length).toBe(500);
  });
});
