/**
 * makeFinding's fingerprints: SHA-256 of the rule id, location and evidence. The one-shot crypto.hash
 * path must give the digest createHash gives (reports and baselines compare fingerprints across runs).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../src/core/finding.js';
import type { RuleMeta } from '../../src/core/model.js';

const rule = { id: 'detect/example', title: 'Example', severity: 'high', category: 'detection', remediation: 'r', references: {} } as unknown as RuleMeta;
const sha = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 32);

describe('makeFinding fingerprints', () => {
  it.each(['plain', 'café ☕ 東京', '\u0000\uFFFD', ''])('equal the createHash digest of their parts (%j)', (salt) => {
    const f = makeFinding(rule, { location: { path: 'a/b.json', startLine: 3 }, message: 'm', evidence: 'e', fingerprintSalt: salt });
    expect(f.fingerprint).toBe(sha(['detect/example', 'a/b.json', '', '', '3', salt].join('\u0000')));
    expect(f.stableFingerprint).toBe(sha(['detect/example', 'a/b.json', '', '', salt.replace(/\s+/g, ' ').trim()].join('\u0000')));
  });
  it('differs when the evidence differs', () => {
    const a = makeFinding(rule, { location: { path: 'x' }, message: 'm', fingerprintSalt: 'one' });
    const b = makeFinding(rule, { location: { path: 'x' }, message: 'm', fingerprintSalt: 'two' });
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(a.stableFingerprint).not.toBe(b.stableFingerprint);
  });
});
