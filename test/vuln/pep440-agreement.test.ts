/**
 * Agreement with pip's version semantics: test/fixtures/pep440-agreement.json holds (advisory,
 * package, version, affected) pairs decided by packaging.version (scripts/check-pep440-oracle.py) for
 * versions around every range event of the real advisories, and a sample of listed versions. The
 * matcher runs on the bundled snapshot, so this also checks that the snapshot's compaction lost nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/vuln/snapshot.js';
import { agreement, type PairsFile } from './agreement.js';

describe('PEP 440 agreement with packaging.version', () => {
  it('finds every affected pair and makes no false match', () => {
    const file = JSON.parse(readFileSync(new URL('../fixtures/pep440-agreement.json', import.meta.url), 'utf8')) as PairsFile;
    const snapshot = JSON.parse(readFileSync(new URL('../../data/osv-snapshot.json', import.meta.url), 'utf8')) as Snapshot;
    const a = agreement(file, snapshot.records);
    expect(a.pairs).toBeGreaterThan(10_000);
    expect(a.missing.slice(0, 20)).toEqual([]);
    expect(a.extra.slice(0, 20)).toEqual([]);
    expect(a.found).toBe(a.truePairs);
  });
});
