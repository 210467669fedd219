/**
 * Event files are read into two buffers used in turn (sources/inputs.ts fileChunks), so a chunk is
 * overwritten two reads later. Reading through them must give the same records as splitting the whole
 * file at once: the splitter copies what it keeps of a chunk before the next read, and gunzip, which may
 * still hold a chunk when it is overwritten, is given copies. Small chunk sizes put record boundaries,
 * escapes and gzip blocks across chunks.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { decodedChunks, fileChunks } from '../../src/runtime/sources/inputs.js';
import { RecordSplitter } from '../../src/runtime/sources/json-records.js';

const dir = mkdtempSync(join(tmpdir(), 'aigis-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function events(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(JSON.stringify({ eventVersion: '1.08', eventName: `Op${i % 7}`, eventSource: 's3.amazonaws.com', requestParameters: { key: `a\\"b${'x'.repeat(i % 53)}`, n: i }, note: 'é€😀' }));
  }
  return out;
}

function splitAll(buf: Buffer): { recs: unknown[]; stats: unknown } {
  const recs: unknown[] = [];
  const s = new RecordSplitter((r) => recs.push(r));
  s.push(buf);
  s.end();
  return { recs, stats: s.stats };
}

async function splitFile(path: string, size: number): Promise<{ recs: unknown[]; stats: unknown }> {
  const recs: unknown[] = [];
  const s = new RecordSplitter((r) => recs.push(r));
  for await (const chunk of decodedChunks(fileChunks(path, 0, size))) s.push(chunk);
  s.end();
  return { recs, stats: s.stats };
}

describe('fileChunks: reused read buffers', () => {
  const lines = Buffer.from(`${events(120).join('\n')}\n`);
  const container = Buffer.from(JSON.stringify({ Records: events(100).map((e) => JSON.parse(e)) }));
  const cases: [string, Buffer][] = [
    ['JSON lines', lines],
    ['{"Records":[…]}', container],
    ['JSON lines, gzip', gzipSync(lines)],
    ['{"Records":[…]}, gzip', gzipSync(container)],
  ];
  for (const [name, bytes] of cases) {
    const path = join(dir, `${name.replace(/\W+/g, '_')}.bin`);
    writeFileSync(path, bytes);
    const plain = name.endsWith('gzip') ? (name.startsWith('JSON') ? lines : container) : bytes;
    const expected = splitAll(plain);
    it(`${name}: the same records as the whole file, at several chunk sizes`, async () => {
      expect(expected.recs.length).toBeGreaterThanOrEqual(100);
      for (const size of [1, 7, 64, 1000, 4096, 1 << 20]) {
        const got = await splitFile(path, size);
        expect(got.stats, `chunk ${size}`).toEqual(expected.stats);
        expect(got.recs, `chunk ${size}`).toEqual(expected.recs);
      }
    });
  }

  it('yields the bytes from the start offset, in order, and nothing for an empty file', async () => {
    const path = join(dir, 'bytes.bin');
    const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 31) & 0xff));
    writeFileSync(path, bytes);
    const parts: Buffer[] = [];
    for await (const c of fileChunks(path, 123, 97)) parts.push(Buffer.from(c)); // copied: the buffers are reused
    expect(Buffer.concat(parts).equals(bytes.subarray(123))).toBe(true);
    writeFileSync(join(dir, 'empty.bin'), '');
    const none: Buffer[] = [];
    for await (const c of fileChunks(join(dir, 'empty.bin'))) none.push(c);
    expect(none).toEqual([]);
  });
});
