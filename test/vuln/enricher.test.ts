/**
 * The vulnerability enricher over package assets: findings per (location, advisory), severity from
 * GHSA labels or computed CVSS, remediation, aliases merged, and the unpinned-range note firing only
 * when a critically affected version is allowed.
 */
import { describe, expect, it } from 'vitest';
import type { Asset } from '../../src/core/model.js';
import { AdvisoryDatabase } from '../../src/vuln/database.js';
import { createVulnEnricher } from '../../src/vuln/enricher.js';
import { compact, raw, record } from './helpers.js';

function pkg(ecosystem: 'PyPI' | 'npm', name: string, spec: { version?: string; specifier: string; pinned: boolean }, ...locations: [string, number][]): Asset {
  return {
    id: `pkg:${ecosystem.toLowerCase()}/${name}${spec.version ? `@${spec.version}` : ''}`,
    kind: 'package',
    name,
    ...(spec.version ? { version: spec.version } : {}),
    locations: locations.map(([path, startLine]) => ({ path, startLine })),
    properties: { ecosystem, specifier: spec.specifier, pinned: spec.pinned, direct: true },
    relations: [],
  };
}

const ALL = ['GHSA-6wgj-66m2-xxp2', 'GHSA-c67j-w6g6-q2cm', 'GHSA-53q9-r3pm-6pq6', 'PYSEC-2024-154', 'PYSEC-2025-122', 'GHSA-7f8r-222p-6f5g', 'GHSA-6xpm-ggf7-wc3p', 'PYSEC-2026-2'];

async function run(assets: Asset[], ids = ALL) {
  const db = new AdvisoryDatabase(ids.map(record));
  const enricher = createVulnEnricher({ database: async () => db });
  const res = await enricher.enrich({ assets, findings: [] });
  return { findings: res.findings ?? [], rules: enricher.rules };
}

describe('vulnerability enricher', () => {
  it('ray (last_affected range): critical, upgrade past the last affected release, location of the pin', async () => {
    const { findings, rules } = await run([pkg('PyPI', 'ray', { version: '2.9.3', specifier: '==2.9.3', pinned: true }, ['requirements.txt', 2])]);
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f.ruleId).toBe('vuln/GHSA-6wgj-66m2-xxp2');
    expect(f.category).toBe('vulnerability');
    expect(f.severity).toBe('critical');
    expect(f.location).toEqual({ path: 'requirements.txt', startLine: 2 });
    // The record closes its range with `last_affected: 2.49.2`: later releases exist and are the remedy.
    expect(f.remediation).toBe('Upgrade ray to a release later than 2.49.2, the last affected version the advisory names.');
    expect(f.properties?.lastAffected).toBe('2.49.2');
    expect(f.message).toContain('Releases up to 2.49.2 are affected.');
    expect(f.properties?.aliases).toEqual(['CVE-2023-48022']);
    expect(f.references.cve).toEqual(['CVE-2023-48022']);
    expect(f.references.cwe).toEqual(['CWE-829', 'CWE-918']);
    expect(rules.map((r) => r.id)).toContain('vuln/GHSA-6wgj-66m2-xxp2');
  });

  it('a fixed version stays quiet', async () => {
    const { findings } = await run([
      pkg('PyPI', 'torch', { version: '2.6.0', specifier: '==2.6.0', pinned: true }, ['requirements.txt', 1]),
      pkg('PyPI', 'langchain-core', { version: '0.3.81', specifier: '==0.3.81', pinned: true }, ['requirements.txt', 2]),
      pkg('npm', 'mcp-remote', { version: '0.1.16', specifier: '0.1.16', pinned: true }, ['package.json', 6]),
    ]);
    expect(findings).toEqual([]);
  });

  it('local build of torch: nearest fix as remediation; one finding per location', async () => {
    const { findings } = await run([pkg('PyPI', 'torch', { version: '2.5.1+cu121', specifier: '==2.5.1+cu121', pinned: true }, ['requirements.txt', 3], ['poetry.lock', 40])]);
    expect(findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`).sort()).toEqual([
      'vuln/GHSA-53q9-r3pm-6pq6 poetry.lock:40',
      'vuln/GHSA-53q9-r3pm-6pq6 requirements.txt:3',
    ]);
    expect(findings[0].remediation).toBe('Upgrade torch to 2.6.0 or later.');
    expect(findings[0].properties?.fixedVersion).toBe('2.6.0');
  });

  it('severity from the CVSS vector when there is no GHSA label (PYSEC keras, 9.8 → critical)', async () => {
    const { findings } = await run([pkg('PyPI', 'keras', { version: '3.6.0', specifier: '==3.6.0', pinned: true }, ['requirements.txt', 1])]);
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('critical');
    expect(findings[0].properties?.severitySource).toBe('cvss-v3');
    expect(findings[0].properties?.cvssScore).toBe(9.8);
  });

  it('malicious releases are critical with a removal remediation (ultralytics, litellm)', async () => {
    const { findings } = await run([
      pkg('PyPI', 'ultralytics', { version: '8.3.41', specifier: '==8.3.41', pinned: true }, ['requirements.txt', 1]),
      pkg('PyPI', 'litellm', { version: '1.82.7', specifier: '==1.82.7', pinned: true }, ['requirements.txt', 2]),
      pkg('PyPI', 'ultralytics', { version: '8.3.40', specifier: '==8.3.40', pinned: true }, ['other.txt', 1]),
    ]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.properties?.malicious])).toEqual([
      ['vuln/PYSEC-2024-154', 'critical', true],
      ['vuln/PYSEC-2026-2', 'critical', true],
    ]);
    expect(findings[0].remediation).toMatch(/^Remove ultralytics 8\.3\.41 now/);
  });

  it('an advisory known under two ids gives one finding, under the GHSA id', async () => {
    const dup = compact({ ...raw('GHSA-6wgj-66m2-xxp2'), id: 'PYSEC-2026-517', aliases: ['GHSA-6wgj-66m2-xxp2', 'CVE-2023-48022'], database_specific: undefined });
    const db = new AdvisoryDatabase([dup, record('GHSA-6wgj-66m2-xxp2')]);
    const enricher = createVulnEnricher({ database: async () => db });
    const res = await enricher.enrich({ assets: [pkg('PyPI', 'ray', { version: '2.9.3', specifier: '==2.9.3', pinned: true }, ['r.txt', 1])], findings: [] });
    expect(res.findings?.map((f) => [f.ruleId, f.properties?.aliases])).toEqual([['vuln/GHSA-6wgj-66m2-xxp2', ['CVE-2023-48022', 'PYSEC-2026-517']]]);
  });

  it('assets from other analyzers: lower-case ecosystem and names as written (Dockerfile pip install)', async () => {
    const a = pkg('PyPI', 'Llama_CPP_Python', { version: '0.2.70', specifier: '==0.2.70', pinned: true }, ['Dockerfile', 12]);
    a.properties.ecosystem = 'pypi';
    const { findings } = await run([a], ['GHSA-56xg-wfcc-g829']);
    expect(findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`)).toEqual(['vuln/GHSA-56xg-wfcc-g829 Dockerfile:12']);
  });

  it('npm scoped package with a critical advisory', async () => {
    const { findings } = await run([pkg('npm', '@modelcontextprotocol/inspector', { version: '0.14.0', specifier: '0.14.0', pinned: true }, ['package.json', 12])]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.remediation])).toEqual([['vuln/GHSA-7f8r-222p-6f5g', 'critical', 'Upgrade @modelcontextprotocol/inspector to 0.14.1 or later.']]);
  });

  it('a range with neither fix nor last_affected still says no fixed release is known', async () => {
    const open = compact({ ...raw('GHSA-6wgj-66m2-xxp2'), affected: [{ package: { ecosystem: 'PyPI', name: 'ray' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }] });
    const db = new AdvisoryDatabase([open]);
    const res = await createVulnEnricher({ database: async () => db }).enrich({ assets: [pkg('PyPI', 'ray', { version: '2.9.3', specifier: '==2.9.3', pinned: true }, ['r.txt', 1])], findings: [] });
    expect(res.findings?.[0].remediation).toMatch(/^No fixed release: isolate \/ replace ray/);
  });

  it('records merged by alias: each package is told the id of the record that names it', async () => {
    // Two records of one advisory (shared CVE alias), each naming a different package, as PYSEC does
    // for `plone` and GHSA for `Products.CMFPlone`.
    const base = raw('GHSA-6wgj-66m2-xxp2');
    const ghsa = compact({ ...base, id: 'GHSA-aaaa-bbbb-cccc', aliases: ['CVE-2099-0001'], affected: [{ package: { ecosystem: 'PyPI', name: 'Products.CMFPlone' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '6.0.5' }] }] }] });
    const pysec = compact({ ...base, id: 'PYSEC-2099-1', aliases: ['CVE-2099-0001'], affected: [{ package: { ecosystem: 'PyPI', name: 'plone' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '6.0.5' }] }] }] });
    const db = new AdvisoryDatabase([ghsa, pysec]);
    expect(db.size).toBe(1);
    const res = await createVulnEnricher({ database: async () => db }).enrich({
      assets: [
        pkg('PyPI', 'products-cmfplone', { version: '6.0.0', specifier: '==6.0.0', pinned: true }, ['requirements.txt', 1]),
        pkg('PyPI', 'plone', { version: '6.0.0', specifier: '==6.0.0', pinned: true }, ['requirements.txt', 2]),
      ],
      findings: [],
    });
    expect(res.findings?.map((f) => [f.properties?.package, f.ruleId, f.properties?.aliases])).toEqual([
      ['products-cmfplone', 'vuln/GHSA-aaaa-bbbb-cccc', ['CVE-2099-0001', 'PYSEC-2099-1']],
      ['plone', 'vuln/PYSEC-2099-1', ['CVE-2099-0001', 'GHSA-aaaa-bbbb-cccc']],
    ]);
  });

  describe('unpinned AI packages', () => {
    it('stays quiet where a lockfile in the same directory or a workspace root above pins the package', async () => {
      const ranged = pkg('PyPI', 'langchain-core', { specifier: '>=0.3,<2', pinned: false }, ['pyproject.toml', 4], ['packages/agent/pyproject.toml', 9], ['other/requirements.txt', 2]);
      const lockedRoot = pkg('PyPI', 'langchain-core', { version: '1.2.5', specifier: '==1.2.5', pinned: true }, ['uv.lock', 120]);
      const { findings } = await run([ranged, lockedRoot]);
      // Only the manifest outside the lockfile's tree... which is none here: the root lock covers all.
      expect(findings).toEqual([]);
      const lockedSub = pkg('PyPI', 'langchain-core', { version: '1.2.5', specifier: '==1.2.5', pinned: true }, ['packages/agent/uv.lock', 120]);
      const sub = await run([ranged, lockedSub]);
      expect(sub.findings.map((f) => `${f.location.path}:${f.location.startLine}`).sort()).toEqual(['other/requirements.txt:2', 'pyproject.toml:4']);
    });

    it("a library's extras are not the application's pins", async () => {
      const extra = pkg('PyPI', 'langchain-core', { specifier: '>=0.3,<2', pinned: false }, ['pyproject.toml', 30]);
      extra.properties.scope = 'extra:langchain';
      const { findings } = await run([extra]);
      expect(findings).toEqual([]);
    });

    it('fires (low) when the range allows a critically affected version', async () => {
      const { findings } = await run([
        pkg('PyPI', 'langchain-core', { specifier: '>=0.3,<2', pinned: false }, ['requirements.txt', 4]),
        pkg('PyPI', 'ray', { specifier: '', pinned: false }, ['requirements.txt', 5]),
        pkg('npm', 'mcp-remote', { specifier: '^0.1.0', pinned: false }, ['package.json', 7]),
      ]);
      expect(findings.map((f) => [f.ruleId, f.severity, f.location.startLine, f.properties?.advisories])).toEqual([
        ['vuln/unpinned-ai-package', 'low', 4, ['GHSA-c67j-w6g6-q2cm']],
        ['vuln/unpinned-ai-package', 'low', 5, ['GHSA-6wgj-66m2-xxp2']],
        ['vuln/unpinned-ai-package', 'low', 7, ['GHSA-6xpm-ggf7-wc3p']],
      ]);
    });

    it('does not fire at code-import locations merged into the same asset, nor for assets without a specifier', async () => {
      const merged = pkg('PyPI', 'langchain-core', { specifier: '>=0.3', pinned: false }, ['requirements.txt', 4], ['app/chain.py', 5]);
      const imported = pkg('PyPI', 'ray', { specifier: '', pinned: false }, ['app/cluster.py', 1]);
      delete imported.properties.specifier;
      const { findings } = await run([merged, imported]);
      expect(findings.map((f) => `${f.location.path}:${f.location.startLine}`)).toEqual(['requirements.txt:4']);
    });

    it('stays quiet when every allowed version is fixed, or the package is not an AI package', async () => {
      const { findings } = await run([
        pkg('PyPI', 'langchain-core', { specifier: '>=1.2.5', pinned: false }, ['requirements.txt', 4]),
        pkg('PyPI', 'torch', { specifier: '>=2.6', pinned: false }, ['requirements.txt', 5]),
        pkg('npm', 'mcp-remote', { specifier: '^0.1.16', pinned: false }, ['package.json', 7]),
      ]);
      expect(findings).toEqual([]);
      // Same critical record, but for a package outside the AI catalogue: only pins are reported there.
      const other = compact({ ...raw('GHSA-6wgj-66m2-xxp2'), affected: [{ package: { ecosystem: 'PyPI', name: 'left-pad-py' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }] });
      const db = new AdvisoryDatabase([other]);
      const res = await createVulnEnricher({ database: async () => db }).enrich({ assets: [pkg('PyPI', 'left-pad-py', { specifier: '>=1', pinned: false }, ['r.txt', 1])], findings: [] });
      expect(res.findings).toEqual([]);
    });
  });
});

describe('Go modules', () => {
  // Shaped like OSV's Go records (id GO-…, versions without the `v`, `ECOSYSTEM`/`SEMVER` ranges);
  // test data, not a real advisory.
  const goRecord = compact({
    schema_version: '1.6.0',
    id: 'GO-2099-0001',
    aliases: ['CVE-2099-1111'],
    summary: 'Path traversal in model blob download',
    affected: [{ package: { ecosystem: 'Go', name: 'github.com/ollama/ollama' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.1.34' }] }] }],
    database_specific: { url: 'https://pkg.go.dev/vuln/GO-2099-0001' },
  });
  const goAsset = (version: string, line: number): Asset => ({
    id: `pkg:golang/github.com/ollama/ollama@${version}`,
    kind: 'package',
    name: 'github.com/ollama/ollama',
    version,
    locations: [{ path: `svc${line}/go.mod`, startLine: line }],
    properties: { ecosystem: 'Go', specifier: version, pinned: true, direct: true },
    relations: [],
  });

  it('a v-prefixed module version matches the record and names the fix', async () => {
    const db = new AdvisoryDatabase([goRecord]);
    const res = await createVulnEnricher({ database: async () => db }).enrich({ assets: [goAsset('v0.1.30', 7), goAsset('v0.1.34', 8), goAsset('v0.0.0-20240101000000-abcdefabcdef', 9)], findings: [] });
    expect(res.findings?.map((f) => [f.properties?.version, f.ruleId, f.properties?.fixedVersion])).toEqual([
      ['v0.1.30', 'vuln/GO-2099-0001', '0.1.34'],
      ['v0.0.0-20240101000000-abcdefabcdef', 'vuln/GO-2099-0001', '0.1.34'],
    ]);
  });
});

describe('requirements are per declaration (issue 13.1)', () => {
  it('two files asking for different ranges: each is judged, and reported, by its own range', async () => {
    const { mergeAssets } = await import('../../src/pipeline/merge-assets.js');
    const a = pkg('PyPI', 'langchain-core', { specifier: '>=1.2.5', pinned: false }, ['pyproject.toml', 9]);
    const b = pkg('PyPI', 'langchain-core', { specifier: '>=0.3,<2', pinned: false }, ['services/api/requirements.txt', 4]);
    for (const order of [[a, b], [b, a]]) {
      const merged = mergeAssets(order);
      expect(merged).toHaveLength(1);
      expect(merged[0].properties.requirements).toEqual(expect.arrayContaining([
        { path: 'pyproject.toml', line: 9, specifier: '>=1.2.5' },
        { path: 'services/api/requirements.txt', line: 4, specifier: '>=0.3,<2' },
      ]));
      const { findings } = await run(merged);
      // Only the range that allows an affected release is reported, with its own text.
      expect(findings.map((f) => [f.location.path, f.evidence])).toEqual([['services/api/requirements.txt', 'langchain-core >=0.3,<2']]);
    }
  });
});
