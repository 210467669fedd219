/**
 * Hostile input: zip bombs, a 10 GB sparse file, deeply nested archives, truncated and garbage
 * containers. Each must finish with notes (and findings where a payload is visible), never crash,
 * never read the whole of a huge file. Timings are printed, not asserted.
 */
import { mkdtempSync, openSync, writeSync, closeSync, ftruncateSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileInfo } from '../../src/core/file-info.js';
import { localFile } from '../../src/targets/local-file.js';
import { modelPickleAnalyzer } from '../../src/analyzers/model-pickle.js';
import { inspectArtifact } from '../../src/models/inspect/inspect.js';
import { bufferSource } from '../../src/models/io/byte-source.js';
import { analyzeBytes, ctx, FIXTURES, serious } from './helpers.js';
import { makeZip, shellPickle } from './zip-writer.js';

const tmp = mkdtempSync(join(tmpdir(), 'aigis-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const GiB = 1024 ** 3;

function analyzeLocal(path: string, size: number) {
  const file = localFile(fileInfo(path.split('/').pop() as string, size), path, 64 * 1024 * 1024);
  return modelPickleAnalyzer.analyze(file, ctx());
}

describe('hostile model files', () => {
  it('stops inflating a zip bomb at the member cap, reports it, and still sees the payload before the cap', async () => {
    const body = Buffer.alloc(20 * 1024 * 1024);
    shellPickle('id').subarray(0, 16).copy(body); // PROTO, GLOBAL posix system, then zeros
    const zip = makeZip([{ name: 'archive/data.pkl', data: body, deflate: true }]);
    expect(zip.length).toBeLessThan(100_000);
    const ins = await inspectArtifact(bufferSource(zip), 'bomb.pt', { memberCap: 1024 * 1024 });
    expect(ins.anomalies.some((a) => a.kind === 'zip-bomb')).toBe(true);
    expect(ins.notes.some((n) => /possible zip bomb/.test(n.message))).toBe(true);
    expect(ins.pickles[0].scan.globals.map((g) => g.name)).toEqual(['system']);
  });

  it('handles a highly compressed 80 MB member through the analyzer with its default cap', async () => {
    const t0 = Date.now();
    const zip = makeZip([{ name: 'archive/data.pkl', data: Buffer.alloc(80 * 1024 * 1024), deflate: true }]);
    const r = await analyzeBytes('bomb.pt', zip);
    expect(r.notes?.some((n) => /zip bomb/.test(n.message))).toBe(true);
    expect(r.findings?.some((f) => f.ruleId === 'model/archive-anomaly')).toBe(true);
    console.log(`zip bomb (80 MB member, ${zip.length} bytes compressed): ${Date.now() - t0} ms`);
  });

  it('walks past a 10 GB argument of a sparse file without reading it and finds the payload at the end', async () => {
    const path = join(tmp, 'huge.pkl');
    const size = 10 * GiB;
    const tail = Buffer.from('0cos\nsystem\n0N.', 'latin1');
    const head = Buffer.alloc(11);
    head.write('\x80\x04\x8e', 0, 'latin1');
    head.writeBigUInt64LE(BigInt(size - 11 - tail.length), 3);
    const fd = openSync(path, 'w');
    ftruncateSync(fd, size);
    writeSync(fd, head, 0, head.length, 0);
    writeSync(fd, tail, 0, tail.length, size - tail.length);
    closeSync(fd);
    const t0 = Date.now();
    const r = await analyzeLocal(path, size);
    console.log(`10 GB sparse pickle: ${Date.now() - t0} ms`);
    expect(serious(r.findings).map((f) => f.evidence)).toEqual(['os.system']);
  });

  it('gives a note, quickly, for a 10 GB sparse file of zeros with a model extension', async () => {
    const path = join(tmp, 'zeros.pt');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 10 * GiB);
    closeSync(fd);
    const r = await analyzeLocal(path, 10 * GiB);
    expect(r.findings ?? []).toEqual([]);
    expect(r.notes?.[0].message).toMatch(/not a recognised model format/);
  });

  it('gives a note for a 10 GB sparse pickle of zeros after the protocol header', async () => {
    const path = join(tmp, 'zeros.pkl');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 10 * GiB);
    writeSync(fd, Buffer.from([0x80, 0x04]), 0, 2, 0);
    closeSync(fd);
    const r = await analyzeLocal(path, 10 * GiB);
    expect(r.findings ?? []).toEqual([]);
    expect(r.notes?.[0].message).toMatch(/invalid opcode 0x00/);
  });

  it('stops at the nesting limit of deeply nested archives with a note and an anomaly', async () => {
    let inner = makeZip([{ name: 'archive/data.pkl', data: shellPickle('id') }]);
    for (let i = 0; i < 12; i++) inner = makeZip([{ name: `level${i}.zip`, data: inner, deflate: i % 2 === 0 }]);
    const r = await analyzeBytes('nested.zip', inner);
    expect(r.notes?.some((n) => /nesting deeper than 4 levels/.test(n.message))).toBe(true);
    expect(r.findings?.some((f) => f.ruleId === 'model/archive-anomaly' && /nested/.test(f.message))).toBe(true);
  });

  it('finds a payload three archives deep', async () => {
    let inner = makeZip([{ name: 'archive/data.pkl', data: shellPickle('id') }]);
    for (let i = 0; i < 2; i++) inner = makeZip([{ name: `level${i}.zip`, data: inner }]);
    const r = await analyzeBytes('nested.zip', inner);
    expect(serious(r.findings)[0]?.location.member).toBe('level1.zip → level0.zip → archive/data.pkl');
  });

  it('reads a truncated torch checkpoint (central directory cut off) by walking local headers', async () => {
    const full = readFileSync(join(FIXTURES, 'torch_malicious.pt'));
    const r = await analyzeBytes('cut.pt', full.subarray(0, full.length - 400));
    expect(serious(r.findings).length).toBeGreaterThan(0);
    expect(r.findings?.some((f) => /end-of-central-directory/.test(f.message))).toBe(true);
  });

  it('survives garbage behind a zip signature and a lying central directory', async () => {
    const junk = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 0xff)]);
    const r1 = await analyzeBytes('junk.pt', junk);
    expect(r1.findings?.every((f) => f.severity === 'low')).toBe(true);
    const lying = makeZip([{ name: 'data.pkl', data: shellPickle('id') }]);
    lying.writeUInt32LE(0x7fffffff, lying.length - 6); // central directory offset far outside the file
    const r2 = await analyzeBytes('lying.pt', lying);
    expect(serious(r2.findings).length).toBe(1);
  });

  it('stops streaming a huge tar at the deadline with a note', async () => {
    const path = join(tmp, 'huge.tar');
    const header = Buffer.alloc(512);
    header.write('model/weights.bin', 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${(8 * GiB).toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('0', 156);
    header.write('ustar\u000000', 257);
    header.write('        ', 148);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    const fd = openSync(path, 'w');
    writeSync(fd, header, 0, 512, 0);
    ftruncateSync(fd, 512 + 8 * GiB + 1024);
    closeSync(fd);
    const file = localFile(fileInfo('huge.tar', 512 + 8 * GiB + 1024), path, 64 * 1024 * 1024);
    const t0 = Date.now();
    const r = await modelPickleAnalyzer.analyze(file, ctx(1500));
    console.log(`8 GiB sparse tar with a 1.5 s deadline: ${Date.now() - t0} ms`);
    expect(r.notes?.some((n) => /time budget/.test(n.message))).toBe(true);
  });

  it('gives a note when the time budget is already spent', async () => {
    const ins = await inspectArtifact(bufferSource(shellPickle('id')), 'x.pkl', { deadline: Date.now() - 1 });
    expect(ins.notes[0].message).toMatch(/time budget/);
  });
});
