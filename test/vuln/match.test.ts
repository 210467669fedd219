/**
 * Matching pitfalls, each on a real advisory record (test/fixtures/osv, copied from the GitHub and
 * PyPA advisory databases). Every case has a version that must match and one that must not.
 */
import { describe, expect, it } from 'vitest';
import { AdvisoryDatabase } from '../../src/vuln/database.js';
import { fromOsv } from '../../src/vuln/record.js';
import { matchRecord, nearestFix } from '../../src/vuln/match.js';
import { parseVersion, type Ecosystem } from '../../src/vuln/versions.js';
import { compact, raw, record } from './helpers.js';

function affected(id: string, eco: Ecosystem, name: string, version: string): boolean {
  const v = parseVersion(eco, version);
  if (v === undefined) throw new Error(`bad version ${version}`);
  return matchRecord(record(id), eco, name, v).length > 0;
}

describe('OSV range evaluation on real records', () => {
  it('ray GHSA-6wgj-66m2-xxp2: introduced 0, last_affected 2.49.2 (no fix) — inclusive upper bound', () => {
    expect(affected('GHSA-6wgj-66m2-xxp2', 'PyPI', 'ray', '0.1.0')).toBe(true);
    expect(affected('GHSA-6wgj-66m2-xxp2', 'PyPI', 'ray', '2.9.3')).toBe(true);
    expect(affected('GHSA-6wgj-66m2-xxp2', 'PyPI', 'ray', '2.49.2')).toBe(true);
    expect(affected('GHSA-6wgj-66m2-xxp2', 'PyPI', 'ray', '2.49.2.post1')).toBe(false);
    expect(affected('GHSA-6wgj-66m2-xxp2', 'PyPI', 'ray', '2.49.3')).toBe(false);
    expect(affected('GHSA-6wgj-66m2-xxp2', 'PyPI', 'ray', '2.50.0')).toBe(false);
  });

  it('langchain-core GHSA-c67j-w6g6-q2cm: two affected entries (< 0.3.81 and 1.0.0 ≤ v < 1.2.5) are OR-ed', () => {
    expect(affected('GHSA-c67j-w6g6-q2cm', 'PyPI', 'langchain-core', '0.3.80')).toBe(true);
    expect(affected('GHSA-c67j-w6g6-q2cm', 'PyPI', 'langchain-core', '0.3.81')).toBe(false);
    expect(affected('GHSA-c67j-w6g6-q2cm', 'PyPI', 'langchain-core', '0.3.90')).toBe(false);
    // Between the ranges: the 1.0.0 pre-releases sort below 1.0.0 and above 0.3.81.
    expect(affected('GHSA-c67j-w6g6-q2cm', 'PyPI', 'langchain-core', '1.0.0a5')).toBe(false);
    expect(affected('GHSA-c67j-w6g6-q2cm', 'PyPI', 'langchain-core', '1.0.0')).toBe(true);
    expect(affected('GHSA-c67j-w6g6-q2cm', 'PyPI', 'langchain-core', '1.2.4')).toBe(true);
    expect(affected('GHSA-c67j-w6g6-q2cm', 'PyPI', 'langchain-core', '1.2.5')).toBe(false);
  });

  it('langchain-core PYSEC-2026-2563: two ranges in one entry, the second introduced at a pre-release (1.0.0a1)', () => {
    expect(affected('PYSEC-2026-2563', 'PyPI', 'langchain-core', '0.3.83')).toBe(true);
    expect(affected('PYSEC-2026-2563', 'PyPI', 'langchain-core', '0.3.84')).toBe(false);
    expect(affected('PYSEC-2026-2563', 'PyPI', 'langchain-core', '1.0.0a0')).toBe(false);
    expect(affected('PYSEC-2026-2563', 'PyPI', 'langchain-core', '1.0.0a1')).toBe(true);
    expect(affected('PYSEC-2026-2563', 'PyPI', 'langchain-core', '1.2.27')).toBe(true);
    expect(affected('PYSEC-2026-2563', 'PyPI', 'langchain-core', '1.2.28')).toBe(false);
  });

  it('langflow PYSEC-2024-177: fixed at a pre-release (1.0.0a3)', () => {
    expect(affected('PYSEC-2024-177', 'PyPI', 'langflow', '0.6.19')).toBe(true);
    expect(affected('PYSEC-2024-177', 'PyPI', 'langflow', '1.0.0a2')).toBe(true);
    expect(affected('PYSEC-2024-177', 'PyPI', 'langflow', '1.0.0a3')).toBe(false);
    expect(affected('PYSEC-2024-177', 'PyPI', 'langflow', '1.0.0')).toBe(false);
  });

  it('onnx PYSEC-2026-103: fixed 1.21.0rc1 — dev releases and rc0 of 1.21.0 are still affected', () => {
    expect(affected('PYSEC-2026-103', 'PyPI', 'onnx', '1.21.0rc0')).toBe(true);
    expect(affected('PYSEC-2026-103', 'PyPI', 'onnx', '1.21.0.dev20250101')).toBe(true);
    expect(affected('PYSEC-2026-103', 'PyPI', 'onnx', '1.21.0rc1')).toBe(false);
    expect(affected('PYSEC-2026-103', 'PyPI', 'onnx', '1.21.0')).toBe(false);
  });

  it('torch GHSA-53q9-r3pm-6pq6 (< 2.6.0): local versions are ordered after their public version', () => {
    expect(affected('GHSA-53q9-r3pm-6pq6', 'PyPI', 'torch', '2.5.1+cu121')).toBe(true);
    expect(affected('GHSA-53q9-r3pm-6pq6', 'PyPI', 'torch', '2.6.0rc1')).toBe(true);
    expect(affected('GHSA-53q9-r3pm-6pq6', 'PyPI', 'torch', '2.6.0')).toBe(false);
    expect(affected('GHSA-53q9-r3pm-6pq6', 'PyPI', 'torch', '2.6.0+cu124')).toBe(false);
  });

  it('torch PYSEC-2025-191: last_affected is itself a local version (2.6.0+cu124)', () => {
    expect(affected('PYSEC-2025-191', 'PyPI', 'torch', '2.6.0')).toBe(true);
    expect(affected('PYSEC-2025-191', 'PyPI', 'torch', '2.6.0+cu124')).toBe(true);
    expect(affected('PYSEC-2025-191', 'PyPI', 'torch', '2.6.1')).toBe(false);
    // The record also lists "2.6.0" in `versions`; like pip's `==2.6.0`, that covers every local build of 2.6.0.
    expect(affected('PYSEC-2025-191', 'PyPI', 'torch', '2.6.0+cu126')).toBe(true);
    // Range alone: local labels are ordered (cu126 > cu124), so a range-only copy leaves 2.6.0+cu126 out.
    const r = raw('PYSEC-2025-191') as { affected: { versions?: string[] }[] };
    delete r.affected[0].versions;
    expect(matchRecord(compact(r), 'PyPI', 'torch', parseVersion('PyPI', '2.6.0+cu126')!)).toHaveLength(0);
    expect(matchRecord(compact(r), 'PyPI', 'torch', parseVersion('PyPI', '2.6.0+cu124')!)).toHaveLength(1);
  });

  it('torch PYSEC-2025-189: a dashed local label (2.6.0-cu124, not PEP 440) is read as 2.6.0+cu124', () => {
    expect(affected('PYSEC-2025-189', 'PyPI', 'torch', '2.5.1')).toBe(true);
    expect(affected('PYSEC-2025-189', 'PyPI', 'torch', '2.6.0+cu124')).toBe(true);
    expect(affected('PYSEC-2025-189', 'PyPI', 'torch', '2.7.0')).toBe(false);
  });

  it('epochs: a version with epoch 1 sorts above every epoch-0 version (variant of GHSA-53q9-r3pm-6pq6)', () => {
    expect(affected('GHSA-53q9-r3pm-6pq6', 'PyPI', 'torch', '1!1.0')).toBe(false);
    const r = raw('GHSA-53q9-r3pm-6pq6') as { affected: { ranges: { events: Record<string, string>[] }[] }[] };
    r.affected[0].ranges[0].events = [{ introduced: '1!0' }, { fixed: '1!2.6.0' }];
    const rec = compact(r);
    expect(matchRecord(rec, 'PyPI', 'torch', parseVersion('PyPI', '2.5.1')!)).toHaveLength(0);
    expect(matchRecord(rec, 'PyPI', 'torch', parseVersion('PyPI', '1!2.5.1')!)).toHaveLength(1);
    expect(matchRecord(rec, 'PyPI', 'torch', parseVersion('PyPI', '1!2.6.0')!)).toHaveLength(0);
  });

  it('llama-cpp-python GHSA-56xg-wfcc-g829: introduced 0.2.30, last_affected 0.2.71', () => {
    expect(affected('GHSA-56xg-wfcc-g829', 'PyPI', 'llama-cpp-python', '0.2.29')).toBe(false);
    expect(affected('GHSA-56xg-wfcc-g829', 'PyPI', 'llama-cpp-python', '0.2.30')).toBe(true);
    expect(affected('GHSA-56xg-wfcc-g829', 'PyPI', 'llama-cpp-python', '0.2.71')).toBe(true);
    expect(affected('GHSA-56xg-wfcc-g829', 'PyPI', 'llama-cpp-python', '0.2.72')).toBe(false);
  });

  it('ai (npm) GHSA-rwvc-j5jr-mgvh: two entries, one between SemVer pre-releases', () => {
    expect(affected('GHSA-rwvc-j5jr-mgvh', 'npm', 'ai', '5.0.51')).toBe(true);
    expect(affected('GHSA-rwvc-j5jr-mgvh', 'npm', 'ai', '5.0.52')).toBe(false);
    expect(affected('GHSA-rwvc-j5jr-mgvh', 'npm', 'ai', '5.1.0-beta.0')).toBe(true);
    expect(affected('GHSA-rwvc-j5jr-mgvh', 'npm', 'ai', '5.1.0-beta.8')).toBe(true);
    expect(affected('GHSA-rwvc-j5jr-mgvh', 'npm', 'ai', '5.1.0-beta.9')).toBe(false);
    expect(affected('GHSA-rwvc-j5jr-mgvh', 'npm', 'ai', '5.1.0')).toBe(false);
  });

  it('explicit versions: pytorch-lightning PYSEC-2026-508 lists compromised 2.6.2 and 2.6.3 only', () => {
    expect(affected('PYSEC-2026-508', 'PyPI', 'pytorch-lightning', '2.6.2')).toBe(true);
    expect(affected('PYSEC-2026-508', 'PyPI', 'pytorch-lightning', '2.6.3')).toBe(true);
    expect(affected('PYSEC-2026-508', 'PyPI', 'pytorch-lightning', '2.6.1')).toBe(false);
    expect(affected('PYSEC-2026-508', 'PyPI', 'pytorch-lightning', '2.6.4')).toBe(false);
  });

  it('limit events cap a range (variant of GHSA-53q9-r3pm-6pq6 with limit 2.0.0)', () => {
    const r = raw('GHSA-53q9-r3pm-6pq6') as { affected: { ranges: { events: Record<string, string>[] }[] }[] };
    r.affected[0].ranges[0].events = [{ introduced: '0' }, { fixed: '2.6.0' }, { limit: '2.0.0' }];
    const rec = compact(r);
    expect(matchRecord(rec, 'PyPI', 'torch', '1.13.1')).toHaveLength(1);
    expect(matchRecord(rec, 'PyPI', 'torch', '2.1.0')).toHaveLength(0);
  });

  it('PEP 503: names in records and in manifests are compared normalised', () => {
    const r = raw('GHSA-56xg-wfcc-g829') as { affected: { package: { name: string } }[] };
    r.affected[0].package.name = 'Llama_CPP.Python';
    const db = new AdvisoryDatabase([compact(r)]);
    expect(db.forPackage('PyPI', 'llama-cpp-python')).toHaveLength(1);
  });

  it('withdrawn records are reported as withdrawn, not as advisories', () => {
    const r = raw('GHSA-6wgj-66m2-xxp2');
    r.withdrawn = '2025-10-01T00:00:00Z';
    expect(fromOsv(r).kind).toBe('withdrawn');
    expect(fromOsv(raw('GHSA-6wgj-66m2-xxp2')).kind).toBe('record');
  });

  it('nearest fix: the fix of the range the version is in, not of another range', () => {
    const rec = record('GHSA-c67j-w6g6-q2cm');
    const entries = rec.affected;
    expect(nearestFix(entries, '0.3.50')).toBe('0.3.81');
    expect(nearestFix(entries, '1.1.0')).toBe('1.2.5');
    expect(nearestFix(record('GHSA-6wgj-66m2-xxp2').affected, '2.9.3')).toBeUndefined();
  });
});

describe('merging by alias', () => {
  it('a PyPA copy that aliases the GHSA record becomes one advisory under the GHSA id', () => {
    const ghsa = record('GHSA-6wgj-66m2-xxp2');
    // PYSEC-2026-517 is PyPA's copy of this advisory (left out of the seed data as a duplicate).
    const pysec = compact({ ...raw('GHSA-6wgj-66m2-xxp2'), id: 'PYSEC-2026-517', aliases: ['CVE-2023-48022', 'GHSA-6wgj-66m2-xxp2'], database_specific: undefined });
    const db = new AdvisoryDatabase([pysec, ghsa]);
    const list = db.forPackage('PyPI', 'ray');
    expect(list).toHaveLength(1);
    expect(list[0].id).toBe('GHSA-6wgj-66m2-xxp2');
    expect(list[0].aliases).toEqual(['CVE-2023-48022', 'PYSEC-2026-517']);
    expect(list[0].severity).toBe('critical');
  });

  it('unrelated records stay separate', () => {
    const db = new AdvisoryDatabase([record('GHSA-53q9-r3pm-6pq6'), record('PYSEC-2025-191')]);
    expect(db.forPackage('PyPI', 'torch')).toHaveLength(2);
  });
});

describe('PEP 440 ordering', () => {
  it('the cached comparator orders like @renovatebot/pep440 on every pair of tricky versions', async () => {
    const pep440 = await import('@renovatebot/pep440');
    const { comparePypi } = await import('../../src/vuln/versions.js');
    const vs = ['1.0.dev1', '1.0a1.dev1', '1.0a1', '1.0a1.post1.dev1', '1.0a1.post1', '1.0b2', '1.0rc1', '1.0', '1.0.0', '1.0+abc', '1.0+abc.5', '1.0+5', '1.0.post1.dev1', '1.0.post1', '1.0.1', '1!0.1', '2.6.0+cu124', '2.6.0+cu126', '0.9', '1.0.0.0.1'];
    const diffs: string[] = [];
    for (const a of vs) for (const b of vs) {
      const x = pep440.valid(a)!;
      const y = pep440.valid(b)!;
      if (Math.sign(comparePypi(x, y)) !== Math.sign(pep440.compare(x, y))) diffs.push(`${a} vs ${b}`);
    }
    expect(diffs).toEqual([]);
    expect(comparePypi('1.0.dev1', '1.0a1')).toBeLessThan(0);
    expect(comparePypi('1.0+5', '1.0+abc')).toBeGreaterThan(0);
  });
});
