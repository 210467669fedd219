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
  it('ray with no fix: critical, no-fix remediation, location of the pin', async () => {
    const { findings, rules } = await run([pkg('PyPI', 'ray', { version: '2.9.3', specifier: '==2.9.3', pinned: true }, ['requirements.txt', 2])]);
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f.ruleId).toBe('vuln/GHSA-6wgj-66m2-xxp2');
    expect(f.category).toBe('vulnerability');
    expect(f.severity).toBe('critical');
    expect(f.location).toEqual({ path: 'requirements.txt', startLine: 2 });
    expect(f.remediation).toMatch(/^No fixed release: isolate \/ replace ray/);
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

  it('npm scoped package with a critical advisory', async () => {
    const { findings } = await run([pkg('npm', '@modelcontextprotocol/inspector', { version: '0.14.0', specifier: '0.14.0', pinned: true }, ['package.json', 12])]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.remediation])).toEqual([['vuln/GHSA-7f8r-222p-6f5g', 'critical', 'Upgrade @modelcontextprotocol/inspector to 0.14.1 or later.']]);
  });

  describe('unpinned AI packages', () => {
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
