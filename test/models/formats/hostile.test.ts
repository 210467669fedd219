/**
 * Hostile input: huge sparse files, lying lengths and malformed protobufs give notes or low findings,
 * read only a bounded number of bytes, and never throw. Budgets are checked on bytes read, not on time.
 */
import { mkdtempSync, openSync, closeSync, writeSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelFormatsAnalyzer } from '../../../src/models/formats-analyzer.js';
import { context, diskFile, analyzeFixture } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'aigis-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEN_GB = 10 * 1024 ** 3;

function sparse(name: string, header: Buffer, size = TEN_GB): string {
  const p = join(dir, name);
  const fd = openSync(p, 'w');
  writeSync(fd, header, 0, header.length, 0);
  ftruncateSync(fd, size);
  closeSync(fd);
  return p;
}

function ggufHeader(kvs: Buffer[], tensorCount: bigint, kvCount: bigint): Buffer {
  const h = Buffer.alloc(24);
  h.write('GGUF', 0, 'latin1');
  h.writeUInt32LE(3, 4);
  h.writeBigUInt64LE(tensorCount, 8);
  h.writeBigUInt64LE(kvCount, 16);
  return Buffer.concat([h, ...kvs]);
}

function gstr(s: string): Buffer {
  const b = Buffer.from(s);
  const l = Buffer.alloc(8);
  l.writeBigUInt64LE(BigInt(b.length));
  return Buffer.concat([l, b]);
}

describe('10 GB sparse files', () => {
  it('a 10 GB GGUF with a string array of 2^40 elements reads a bounded number of bytes', async () => {
    // general.architecture = "llama", then an array of strings declaring 2^40 entries (each entry reads as empty: sparse zeros)
    const arr = Buffer.alloc(4 + 4 + 8);
    arr.writeUInt32LE(9, 0);
    arr.writeUInt32LE(8, 4);
    arr.writeBigUInt64LE(1n << 40n, 8);
    const kv1 = Buffer.concat([gstr('general.architecture'), Buffer.from([8, 0, 0, 0]), gstr('llama')]);
    const kv2 = Buffer.concat([gstr('tokenizer.ggml.tokens'), arr]);
    const p = sparse('big.gguf', ggufHeader([kv1, kv2], 1n, 2n));
    const file = diskFile(p, 'big.gguf');
    const res = await modelFormatsAnalyzer.analyze(file, { ...context(dir, 1500) });
    // 2^40 × 8-byte lengths would need 8 TiB: refused up front as an anomaly, nothing read beyond the header window.
    expect(res.findings!.map((f) => f.ruleId)).toEqual(['model/gguf-header-anomaly']);
    expect(res.findings![0].message).toMatch(/declares 1099511627776 elements/);
    expect(file.bytesRead()).toBeLessThan(4 << 20);
    // Not hashed: over the scan's hashing limit, the asset says so instead of reading 10 GB.
    expect(res.assets![0].properties.sha256).toBeUndefined();
    expect(res.assets![0].properties.architecture).toBe('llama');
  });

  it('a string array longer than any vocabulary is refused before it is walked', async () => {
    const arr = Buffer.alloc(16);
    arr.writeUInt32LE(9, 0);
    arr.writeUInt32LE(8, 4);
    arr.writeBigUInt64LE(1n << 30n, 8); // 2^30 × 8-byte lengths fit in 10 GB, but no vocabulary is that large
    const kv = Buffer.concat([gstr('tokenizer.ggml.tokens'), arr]);
    const file = diskFile(sparse('vocab.gguf', ggufHeader([kv], 0n, 1n)), 'vocab.gguf');
    const res = await modelFormatsAnalyzer.analyze(file, context(dir));
    expect(res.findings!.map((f) => f.message).join()).toMatch(/more than any real vocabulary/);
    expect(file.bytesRead()).toBeLessThan(4 << 20);
  });

  it('a 4M-token vocabulary is walked window by window', async () => {
    const arr = Buffer.alloc(16);
    arr.writeUInt32LE(9, 0);
    arr.writeUInt32LE(8, 4);
    arr.writeBigUInt64LE(1n << 22n, 8); // 4M empty strings = 32 MiB of lengths (sparse zeros)
    const kv = Buffer.concat([gstr('tokenizer.ggml.tokens'), arr]);
    const file = diskFile(sparse('tokens.gguf', ggufHeader([kv], 0n, 1n), 64 << 20), 'tokens.gguf');
    const res = await modelFormatsAnalyzer.analyze(file, context(dir));
    expect(res.findings).toEqual([]);
    expect(res.assets![0].properties.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a 10 GB GGUF of nested empty arrays stops on the time budget, with an anomaly, not a hang', async () => {
    // an array of 2^28 arrays (12 bytes each: element type + count) fits the size checks; walking it must stop on the deadline
    const arr = Buffer.alloc(16);
    arr.writeUInt32LE(9, 0);
    arr.writeUInt32LE(9, 4);
    arr.writeBigUInt64LE(1n << 28n, 8);
    const kv = Buffer.concat([gstr('x.nested'), arr]);
    const file = diskFile(sparse('slow.gguf', ggufHeader([kv], 0n, 1n)), 'slow.gguf');
    const res = await modelFormatsAnalyzer.analyze(file, context(dir, 300));
    expect(res.findings!.map((f) => f.message).join()).toMatch(/time budget/);
  });

  it('a 10 GB safetensors file is validated from its header alone', async () => {
    const header = Buffer.from(JSON.stringify({ w: { dtype: 'F32', shape: [2, 2], data_offsets: [0, 16] } }));
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(header.length));
    const p = sparse('big.safetensors', Buffer.concat([len, header]));
    const file = diskFile(p, 'big.safetensors');
    const res = await modelFormatsAnalyzer.analyze(file, context(dir));
    expect(res.findings!.map((f) => f.message).join()).toMatch(/trailing bytes/);
    expect(file.bytesRead()).toBeLessThan(4 << 20);
  });

  it('a 10 GB .h5 over the read budget falls back to a bounded search with a note', async () => {
    const cfg = Buffer.from(JSON.stringify({ class_name: 'Sequential', config: { layers: [{ class_name: 'Lambda', config: { name: 'l', function: ['4wEAAAAA', null, null], function_type: 'lambda' } }] } }));
    const p = sparse('big.h5', Buffer.concat([Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100), cfg]));
    const file = diskFile(p, 'big.h5');
    const res = await modelFormatsAnalyzer.analyze(file, context(dir));
    expect(res.notes!.map((n) => n.message).join()).toMatch(/over the read budget/);
    expect(res.findings!.map((f) => f.ruleId)).toEqual(['model/keras-lambda-layer']);
    expect(file.bytesRead()).toBeLessThan(32 << 20);
  });
});

describe('malformed input gives notes, never exceptions', () => {
  it.each([
    ['onnx/malformed.onnx', /malformed ONNX protobuf/],
    ['savedmodel/truncated/saved_model.pb', /malformed SavedModel protobuf/],
  ])('%s', async (fixture, note) => {
    const res = await analyzeFixture(fixture);
    expect(res.notes!.map((n) => n.message).join()).toMatch(note);
    expect(res.findings).toEqual([]);
  });

  it('random bytes named like every format never throw', async () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (const name of ['x.onnx', 'saved_model.pb', 'keras_metadata.pb', 'x.safetensors', 'tokenizer_config.json', 'x.keras', 'x.h5', 'x.gguf']) {
      for (let i = 0; i < 20; i++) {
        const body = Buffer.from(Array.from({ length: 64 + i * 13 }, rnd));
        if (name.endsWith('.keras')) body.write('PK\x03\x04', 0, 'latin1');
        if (name.endsWith('.h5')) Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]).copy(body);
        if (name.endsWith('.gguf')) body.write('GGUF', 0, 'latin1');
        const p = join(dir, `${i}-${name}`);
        writeFileSync(p, body);
        const res = await modelFormatsAnalyzer.analyze(diskFile(p, name), context(dir));
        expect(res).toBeTypeOf('object');
      }
    }
  });

  it('a .keras whose config.json is a deflate bomb is refused with a note', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const bomb = deflateRawSync(Buffer.alloc(48 << 20, 0x20));
    const name = Buffer.from('config.json');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(bomb.length, 18);
    local.writeUInt32LE(48 << 20, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(bomb.length, 20);
    cd.writeUInt32LE(48 << 20, 24);
    cd.writeUInt16LE(name.length, 28);
    const body = Buffer.concat([local, name, bomb]);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(46 + name.length, 12);
    eocd.writeUInt32LE(body.length, 16);
    const p = join(dir, 'bomb.keras');
    writeFileSync(p, Buffer.concat([body, cd, name, eocd]));
    const res = await modelFormatsAnalyzer.analyze(diskFile(p, 'bomb.keras'), context(dir));
    expect(res.notes!.map((n) => n.message).join()).toMatch(/cannot inflate config.json/);
  });
});

describe('deep nesting', () => {
  it('a tokenizer_config.json nested 100 000 levels deep and a template with 50 000 open parentheses do not crash', async () => {
    const deep = `{"chat_template": "{{ ${'('.repeat(50_000)}x${')'.repeat(50_000)} }}", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const p = join(dir, 'tokenizer_config.json');
    writeFileSync(p, deep);
    const res = await modelFormatsAnalyzer.analyze(diskFile(p, 'tokenizer_config.json'), context(dir));
    expect(res).toBeTypeOf('object');
    expect(res.findings ?? []).toEqual([]);
  });

  it('a Lambda hidden 5 000 levels deep in a Keras config is still found (no depth limit, no stack overflow)', async () => {
    let nested: unknown = { class_name: 'Lambda', config: { name: 'deep', function: ['4wEAAAAA', null, null], function_type: 'lambda' } };
    for (let i = 0; i < 5000; i++) nested = { class_name: 'Wrapper', config: { layer: nested } };
    const config = { class_name: 'Sequential', config: { layers: [{ class_name: 'Lambda', config: { name: 'top', function: ['4wEAAAAA', null, null], function_type: 'lambda' } }, nested] } };
    const { kerasConfigDoc } = await import('../../../src/models/keras/config-doc.js');
    const { kerasLambdaLayer } = await import('../../../src/models/rules/keras-lambda-layer.js');
    const hits = kerasLambdaLayer.check(kerasConfigDoc(config, 'config.json'));
    expect(hits.map((h) => h.properties?.layer)).toEqual(['top', 'deep']);
  });
});
