/** CycloneDX BOMs (src/server/ingest/cyclonedx.ts): components become inventory, vulnerabilities findings. */
import { describe, expect, it } from 'vitest';
import { normalizeCycloneDx } from '../../src/server/ingest/cyclonedx.js';
import { cyclonedx } from './fixtures.js';

type Bom = Record<string, unknown> & { components: Record<string, unknown>[]; vulnerabilities: Record<string, unknown>[] };
const bom = () => cyclonedx() as Bom;

describe('CycloneDX → stored form', () => {
  it('uses the purl as the asset id, else type:name@version, and reads nested components', () => {
    const doc = bom();
    doc.components[1].components = [{ type: 'data', name: 'wikitext', version: '103', group: 'salesforce', description: 'corpus' }];
    const r = normalizeCycloneDx(doc);
    expect(r).toMatchObject({ kind: 'cyclonedx', tool: 'cyclonedx', command: 'bom', target: 'svc', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(r.assets.map((a) => [a.id, a.kind, a.name, a.version])).toEqual([
      ['pkg:pypi/torch@2.5.1', 'library', 'torch', '2.5.1'],
      ['machine-learning-model:meta-llama/Llama-3-8B', 'machine-learning-model', 'meta-llama/Llama-3-8B', undefined],
      ['data:wikitext@103', 'data', 'wikitext', '103'],
    ]);
    expect(r.assets[2].properties).toEqual({ group: 'salesforce', description: 'corpus' });
  });

  it('turns each affected component of a vulnerability into one finding keyed by id and component', () => {
    const doc = bom();
    doc.vulnerabilities.push({ id: 'GHSA-aaaa', ratings: [{ severity: 'low' }, { severity: 'high' }, { severity: 'bogus' }], detail: 'two packages', affects: [{ ref: 'torch' }, { ref: 'm1' }, { ref: 'torch' }] });
    doc.vulnerabilities.push({ id: 'CVE-2099-1', recommendation: 'upgrade' });
    const { findings } = normalizeCycloneDx(doc);
    expect(findings.map((f) => [f.fingerprint, f.ruleId, f.severity, f.assetId])).toEqual([
      ['cyclonedx:CVE-2025-32434:pkg:pypi/torch@2.5.1', 'CVE-2025-32434', 'critical', 'pkg:pypi/torch@2.5.1'],
      ['cyclonedx:GHSA-aaaa:pkg:pypi/torch@2.5.1', 'GHSA-aaaa', 'high', 'pkg:pypi/torch@2.5.1'],
      ['cyclonedx:GHSA-aaaa:machine-learning-model:meta-llama/Llama-3-8B', 'GHSA-aaaa', 'high', 'machine-learning-model:meta-llama/Llama-3-8B'],
      ['cyclonedx:CVE-2099-1:', 'CVE-2099-1', 'medium', undefined],
    ]);
    expect(findings[0]).toMatchObject({ category: 'vulnerability', message: 'torch.load RCE', path: 'pkg:pypi/torch@2.5.1' });
    expect(findings[3].remediation).toBe('upgrade');
  });

  it('accepts spec versions 1.2 to 1.7 and refuses others and malformed parts, naming them', () => {
    for (const v of ['1.2', '1.5', '1.7']) expect(normalizeCycloneDx({ ...bom(), specVersion: v }).assets).toHaveLength(2);
    expect(() => normalizeCycloneDx({ ...bom(), specVersion: '1.1' })).toThrow(/unsupported specVersion "1.1"/);
    expect(() => normalizeCycloneDx({ ...bom(), components: {} })).toThrow(/"components" must be an array/);
    expect(() => normalizeCycloneDx({ ...bom(), components: [{ type: 'library' }] })).toThrow(/every component needs a name/);
    expect(() => normalizeCycloneDx({ ...bom(), vulnerabilities: [{ ratings: [] }] })).toThrow(/vulnerabilities\[0\] needs an id/);
  });
});
