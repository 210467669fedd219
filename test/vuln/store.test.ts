/**
 * The local advisory database: import from a directory, a file and a zip; --replace; withdrawn
 * records; and atomicity — a corrupt zip, an invalid record or an unknown ecosystem changes nothing.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError, readSource } from '../../src/vuln/read-source.js';
import { effectiveRecords, importRecords, storePath } from '../../src/vuln/store.js';
import { databaseStatus } from '../../src/vuln/status.js';
import { raw } from './helpers.js';
import { makeZip } from './zip-writer.js';

let dir: string;
let work: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aigis-cache-'));
  work = await mkdtemp(join(tmpdir(), 'aigis-src-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

async function importFrom(source: string, replace = false) {
  return importRecords(await readSource(source), source, { dir, replace });
}

describe('db import', () => {
  it('imports a directory of JSON and YAML records and keeps the snapshot alongside', async () => {
    await writeFile(join(work, 'GHSA-6wgj-66m2-xxp2.json'), JSON.stringify(raw('GHSA-6wgj-66m2-xxp2')));
    const torch = raw('GHSA-53q9-r3pm-6pq6');
    await mkdir(join(work, 'sub'));
    // YAML as PyPA publishes it.
    await writeFile(join(work, 'sub', 'torch.yaml'), `id: ${torch.id}\nmodified: "2025-04-18T00:00:00Z"\naffected:\n  - package: {ecosystem: PyPI, name: torch}\n    ranges:\n      - type: ECOSYSTEM\n        events: [{introduced: "0"}, {fixed: "2.6.0"}]\n`);
    const store = await importFrom(work);
    expect(store.records.map((r) => r.id).sort()).toEqual(['GHSA-53q9-r3pm-6pq6', 'GHSA-6wgj-66m2-xxp2']);
    expect(store.bundled).toBe(true);
    const { records } = await effectiveRecords(dir);
    expect(records.length).toBeGreaterThan(500); // snapshot + imports
    const status = await databaseStatus(dir);
    expect(status.mode).toBe('local+snapshot');
    expect(status.sources[0].records).toBe(2);
  });

  it('imports an OSV all.zip and --replace drops everything else, snapshot included', async () => {
    const zip = makeZip({ 'GHSA-c67j-w6g6-q2cm.json': JSON.stringify(raw('GHSA-c67j-w6g6-q2cm')), 'PYSEC-2024-154.json': JSON.stringify(raw('PYSEC-2024-154')) });
    await writeFile(join(work, 'all.zip'), zip);
    await importFrom(join(work, 'all.zip'), true);
    const { records } = await effectiveRecords(dir);
    expect(records.map((r) => r.id).sort()).toEqual(['GHSA-c67j-w6g6-q2cm', 'PYSEC-2024-154']);
    expect((await databaseStatus(dir)).mode).toBe('local');
  });

  it('a withdrawn record removes an earlier import of the same id and suppresses it from the snapshot', async () => {
    await writeFile(join(work, 'a.json'), JSON.stringify(raw('GHSA-6wgj-66m2-xxp2')));
    await importFrom(join(work, 'a.json'));
    await writeFile(join(work, 'b.json'), JSON.stringify({ ...raw('GHSA-6wgj-66m2-xxp2'), withdrawn: '2025-10-01T00:00:00Z' }));
    const store = await importFrom(join(work, 'b.json'));
    expect(store.records.find((r) => r.id === 'GHSA-6wgj-66m2-xxp2')).toBeUndefined();
    const { records } = await effectiveRecords(dir);
    expect(records.find((r) => r.id === 'GHSA-6wgj-66m2-xxp2')).toBeUndefined();
  });

  it('keeps the newer copy of a record (by modified)', async () => {
    const newer = { ...raw('GHSA-6wgj-66m2-xxp2'), modified: '2099-01-01T00:00:00Z', summary: 'newer' };
    await writeFile(join(work, 'new.json'), JSON.stringify(newer));
    await importFrom(join(work, 'new.json'));
    await writeFile(join(work, 'old.json'), JSON.stringify({ ...raw('GHSA-6wgj-66m2-xxp2'), modified: '2000-01-01T00:00:00Z', summary: 'older' }));
    const store = await importFrom(join(work, 'old.json'));
    expect(store.records.find((r) => r.id === 'GHSA-6wgj-66m2-xxp2')?.summary).toBe('newer');
  });

  describe('failures change nothing', () => {
    async function seed(): Promise<string> {
      await writeFile(join(work, 'seed.json'), JSON.stringify(raw('GHSA-6wgj-66m2-xxp2')));
      await importFrom(join(work, 'seed.json'));
      return readFile(storePath(dir), 'utf8');
    }

    it('a corrupt (truncated) zip', async () => {
      const before = await seed();
      const zip = makeZip({ 'a.json': JSON.stringify(raw('GHSA-c67j-w6g6-q2cm')) });
      await writeFile(join(work, 'bad.zip'), zip.subarray(0, zip.length - 30));
      await expect(readSource(join(work, 'bad.zip'))).rejects.toThrow(/corrupt zip/);
      expect(await readFile(storePath(dir), 'utf8')).toBe(before);
    });

    it('a zip whose member data is damaged', async () => {
      await seed();
      const zip = makeZip({ 'a.json': JSON.stringify(raw('GHSA-c67j-w6g6-q2cm')) });
      zip.fill(0xff, 40, 60); // inside the deflated data
      await writeFile(join(work, 'bad.zip'), zip);
      await expect(readSource(join(work, 'bad.zip'))).rejects.toThrow(ImportError);
    });

    it('an invalid record (range without events) names the record', async () => {
      const before = await seed();
      const bad = raw('GHSA-c67j-w6g6-q2cm') as { affected: { ranges: unknown[] }[] };
      bad.affected[0].ranges = [{ type: 'ECOSYSTEM' }];
      await writeFile(join(work, 'ok.json'), JSON.stringify(raw('GHSA-53q9-r3pm-6pq6')));
      await writeFile(join(work, 'bad.json'), JSON.stringify(bad));
      await expect(readSource(work)).rejects.toThrow(/bad\.json: invalid OSV record: GHSA-c67j-w6g6-q2cm: affected\[0\]\.ranges\[0\] needs "type" and "events"/);
      expect(await readFile(storePath(dir), 'utf8')).toBe(before);
    });

    it('an unknown ecosystem', async () => {
      await seed();
      const bad = raw('GHSA-c67j-w6g6-q2cm') as { affected: { package: { ecosystem: string } }[] };
      bad.affected[0].package.ecosystem = 'PyPl';
      await writeFile(join(work, 'bad.json'), JSON.stringify(bad));
      await expect(readSource(join(work, 'bad.json'))).rejects.toThrow(/unknown ecosystem "PyPl"/);
    });

    it('not JSON at all', async () => {
      await writeFile(join(work, 'x.json'), '{"id": ');
      await expect(readSource(join(work, 'x.json'))).rejects.toThrow(/not valid JSON/);
    });
  });

  it('reads PyPA YAML with unquoted versions as strings (1.10 stays 1.10, not the number 1.1)', async () => {
    const yaml = [
      'id: PYSEC-2099-1',
      'modified: 2024-01-01T00:00:00Z',
      'aliases:',
      'affected:',
      '- package:',
      '    name: Example_Pkg',
      '    ecosystem: PyPI',
      '  ranges:',
      '  - type: GIT',
      '    repo: https://github.com/example/example',
      '    events:',
      '    - introduced: "0"',
      '    - fixed: 1e86b777e61cf4eefc7d92fa57fa19dcc676013b',
      '  - type: ECOSYSTEM',
      '    events:',
      '    - introduced: "0"',
      '    - fixed: 1.10',
      '  versions:',
      '  - 0.1',
      '  - 1.9',
      '',
    ].join('\n');
    await writeFile(join(work, 'PYSEC-2099-1.yaml'), yaml);
    const out = await readSource(join(work, 'PYSEC-2099-1.yaml'));
    expect(out.records[0].affected[0]).toEqual({
      ecosystem: 'PyPI', name: 'example-pkg', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.10' }] }], versions: ['0.1', '1.9'],
    });
  });

  it('records of other known ecosystems are accepted and skipped (nothing to match)', async () => {
    const maven = { id: 'GHSA-2222-3333-4444', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'Maven', name: 'org.example:x' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }] };
    await writeFile(join(work, 'maven.json'), JSON.stringify(maven));
    const out = await readSource(join(work, 'maven.json'));
    expect(out.records).toHaveLength(0);
    expect(out.skipped).toBe(1);
  });

  it('Go records are read (go.mod modules are matched)', async () => {
    const go = { id: 'GO-2024-0001', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'Go', name: 'example.com/x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }] };
    await writeFile(join(work, 'go.json'), JSON.stringify(go));
    const out = await readSource(join(work, 'go.json'));
    expect(out.records.map((r) => [r.id, r.affected[0].ecosystem])).toEqual([['GO-2024-0001', 'Go']]);
  });
});
