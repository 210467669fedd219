/**
 * Issue 13.6: with a full OSV database imported (an ecosystem's all.zip), every package of a
 * supported ecosystem is matched — not only the catalogued AI packages — and AI packages stay
 * marked. The zip is built here (no network); its records are shaped like the published GHSA/GO
 * records of Flask (CVE-2023-30861), lodash (CVE-2021-23337) and golang.org/x/net (CVE-2023-44487),
 * beside a real torch record.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSource } from '../../src/vuln/read-source.js';
import { importRecords, openDatabase } from '../../src/vuln/store.js';
import { createVulnEnricher } from '../../src/vuln/enricher.js';
import { scanFiles } from '../packages/harness.js';
import { raw } from './helpers.js';
import { makeZip } from './zip-writer.js';

const osv = (id: string, ecosystem: string, name: string, fixed: string, alias: string, severity: string) => ({
  schema_version: '1.6.0', id, modified: '2024-05-01T00:00:00Z', published: '2023-05-02T00:00:00Z', aliases: [alias],
  summary: `${name} advisory`, affected: [{ package: { ecosystem, name }, ranges: [{ type: ecosystem === 'Go' ? 'SEMVER' : 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
  database_specific: { severity },
});

let dir: string;
let work: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aigis-db-'));
  work = await mkdtemp(join(tmpdir(), 'aigis-zip-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe('a full OSV database', () => {
  it('matches non-AI packages of PyPI, npm and Go, and keeps AI packages marked', async () => {
    const zip = makeZip({
      'GHSA-m2qf-hxjv-5gpq.json': JSON.stringify(osv('GHSA-m2qf-hxjv-5gpq', 'PyPI', 'flask', '2.2.5', 'CVE-2023-30861', 'HIGH')),
      'GHSA-35jh-r3h4-6jhm.json': JSON.stringify(osv('GHSA-35jh-r3h4-6jhm', 'npm', 'lodash', '4.17.21', 'CVE-2021-23337', 'HIGH')),
      'GO-2023-2102.json': JSON.stringify(osv('GO-2023-2102', 'Go', 'golang.org/x/net', '0.17.0', 'CVE-2023-44487', 'MODERATE')),
      'GHSA-53q9-r3pm-6pq6.json': JSON.stringify(raw('GHSA-53q9-r3pm-6pq6')),
    });
    await writeFile(join(work, 'all.zip'), zip);
    await importRecords(await readSource(join(work, 'all.zip')), 'all.zip', { dir, replace: true });

    const { assets } = await scanFiles({
      'requirements.txt': 'flask==2.2.2\ntorch==2.5.1\n',
      'web/package-lock.json': JSON.stringify({ name: 'web', lockfileVersion: 3, packages: { '': { dependencies: { lodash: '4.17.20' } }, 'node_modules/lodash': { version: '4.17.20' } } }),
      'svc/go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire golang.org/x/net v0.10.0\n',
    });
    const res = await createVulnEnricher({ database: () => openDatabase(dir) }).enrich({ assets, findings: [] });
    const got = (res.findings ?? []).map((f) => `${f.ruleId} ${String(f.properties?.package)}@${String(f.properties?.version)} ai=${String(f.properties?.aiCategory ?? '-')}`).sort();
    expect(got).toEqual([
      'vuln/GHSA-35jh-r3h4-6jhm lodash@4.17.20 ai=-',
      'vuln/GHSA-53q9-r3pm-6pq6 torch@2.5.1 ai=framework',
      'vuln/GHSA-m2qf-hxjv-5gpq flask@2.2.2 ai=-',
      'vuln/GO-2023-2102 golang.org/x/net@v0.10.0 ai=-',
    ]);
  });
});
