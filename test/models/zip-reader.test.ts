/** The tolerant zip reader on crafted archives: hidden members, zip64 end records, disagreeing headers. */
import { describe, expect, it } from 'vitest';
import { listZip } from '../../src/models/containers/zip-reader.js';
import { bufferSource } from '../../src/models/io/byte-source.js';
import { analyzeBytes, serious } from './helpers.js';
import { makeZip, shellPickle } from './zip-writer.js';

const safe = Buffer.from('\x80\x04}\x94.', 'latin1');

describe('tolerant zip reader', () => {
  it('finds a member hidden from the central directory and reports it', async () => {
    const zip = makeZip([
      { name: 'model/data.pkl', data: safe },
      { name: 'model/extra.bin', data: shellPickle('id'), omitFromCentral: true },
    ]);
    const listing = await listZip(bufferSource(zip));
    expect(listing.entries.map((e) => [e.name, e.seenIn])).toEqual([
      ['model/data.pkl', 'both'],
      ['model/extra.bin', 'local'],
    ]);
    const r = await analyzeBytes('hidden.pt', zip);
    expect(serious(r.findings)[0]?.location.member).toBe('model/extra.bin');
    expect(r.findings?.some((f) => f.ruleId === 'model/archive-anomaly' && /no central directory entry/.test(f.message))).toBe(true);
  });

  it('reads zip64 end records and notes them without a finding', async () => {
    const zip = makeZip([{ name: 'archive/data.pkl', data: shellPickle('id'), deflate: true }], { zip64: true });
    const listing = await listZip(bufferSource(zip));
    expect(listing.entries).toHaveLength(1);
    expect(listing.anomalies.map((a) => a.kind)).toEqual(['zip64']);
    const r = await analyzeBytes('big.pt', zip);
    expect(r.findings?.map((f) => f.ruleId)).toEqual(['model/pickle-code-execution']);
    expect(r.notes?.some((n) => /zip64/.test(n.message))).toBe(true);
  });

  it('scans a member under both names when local header and central directory disagree', async () => {
    const zip = makeZip([{ name: 'weights.txt', localName: 'data.pkl', data: shellPickle('id') }]);
    const listing = await listZip(bufferSource(zip));
    expect(listing.entries[0]).toMatchObject({ name: 'weights.txt', localName: 'data.pkl' });
    expect(listing.anomalies[0].kind).toBe('name-mismatch');
    const r = await analyzeBytes('m.pt', zip);
    expect(serious(r.findings)).toHaveLength(1);
  });

  it('reports a path-traversal name hidden only in the local header', async () => {
    const zip = makeZip([{ name: 'model.pkl', localName: '../../model.pkl', data: safe }]);
    const r = await analyzeBytes('m.zip', zip);
    expect(r.findings?.find((f) => f.ruleId === 'model/archive-path-traversal')?.evidence).toBe('../../model.pkl');
  });

  it('reports duplicate member names and scans every copy', async () => {
    const zip = makeZip([
      { name: 'archive/data.pkl', data: safe },
      { name: 'archive/data.pkl', data: shellPickle('id') },
    ]);
    const r = await analyzeBytes('dup.pt', zip);
    expect(serious(r.findings)).toHaveLength(1);
    expect(r.findings?.some((f) => f.ruleId === 'model/archive-anomaly' && /2 members share the name/.test(f.message))).toBe(true);
  });

  it('reports a symlink member pointing outside the extraction directory', async () => {
    const zip = makeZip([
      { name: 'models/cache', data: Buffer.from('../../../home/user/.ssh'), unixMode: 0o120777 },
      { name: 'models/ok', data: Buffer.from('weights.bin'), unixMode: 0o120777 },
      { name: 'models/data.pkl', data: safe, unixMode: 0o100644 },
    ]);
    const r = await analyzeBytes('links.zip', zip);
    const hits = r.findings?.filter((f) => f.ruleId === 'model/archive-path-traversal') ?? [];
    expect(hits.map((f) => f.evidence)).toEqual(['models/cache -> ../../../home/user/.ssh']);
  });

  it('lists archives with thousands of members quickly through the read cache', async () => {
    const members = Array.from({ length: 5000 }, (_, i) => ({ name: `shard/${i}.txt`, data: Buffer.from(`row ${i}`) }));
    const zip = makeZip([...members, { name: 'shard/data.pkl', data: shellPickle('id') }]);
    const t0 = Date.now();
    const r = await analyzeBytes('many.zip', zip);
    console.log(`5001-member zip: ${Date.now() - t0} ms`);
    expect(serious(r.findings)[0]?.location.member).toBe('shard/data.pkl');
  });

  it('a clean archive has no anomalies', async () => {
    const listing = await listZip(bufferSource(makeZip([{ name: 'a/data.pkl', data: safe, deflate: true }, { name: 'a/version', data: Buffer.from('3\n') }])));
    expect(listing.anomalies).toEqual([]);
  });
});
