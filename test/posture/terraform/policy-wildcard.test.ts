/**
 * Wildcards in IAM actions and OpenSearch Serverless resource patterns: matched without regular
 * expressions, so a hostile pattern (`*a*a*…b`, which as a regex backtracks for seconds) cannot stall a scan.
 */
import { describe, expect, it } from 'vitest';
import { grants, wildcardMatch } from '../../../src/posture/terraform/policy.js';
import { patternMatches } from '../../../src/posture/terraform/aoss-policy.js';

describe('wildcard matching', () => {
  it('matches IAM action patterns case-insensitively with * and ?', () => {
    expect(grants('iam:*', 'iam:PassRole')).toBe(true);
    expect(grants('IAM:pass*', 'iam:PassRole')).toBe(true);
    expect(grants('iam:Pas?Role', 'iam:PassRole')).toBe(true);
    expect(grants('*', 'iam:PassRole')).toBe(true);
    expect(grants('iam:Get*', 'iam:PassRole')).toBe(false);
    expect(grants('iam:PassRole*x', 'iam:PassRole')).toBe(false);
    expect(grants('s3.*', 's3:GetObject')).toBe(false); // dots are literal
  });
  it('matches collection patterns, literal and wildcard, and never unresolved placeholders', () => {
    expect(patternMatches('collection/kb-docs', 'kb-docs')).toBe(true);
    expect(patternMatches('collection/kb-*', 'kb-docs')).toBe(true);
    expect(patternMatches('collection/*', 'kb-docs')).toBe(true);
    expect(patternMatches('collection/logs-*', 'kb-docs')).toBe(false);
    expect(patternMatches('collection/${var.name}', 'kb-docs')).toBe(false);
    expect(patternMatches('collection/${aws_opensearchserverless_collection.kb.name}', 'kb-docs', ['${aws_opensearchserverless_collection.kb.name}'])).toBe(true);
  });
  it('a hostile pattern is answered, not backtracked into', () => {
    const hostile = `${'*a'.repeat(5000)}b`;
    expect(wildcardMatch(hostile, 'a'.repeat(5000))).toBe(false);
    expect(patternMatches(`collection/${hostile}`, 'a'.repeat(32))).toBe(false);
    expect(grants(hostile, 'a'.repeat(64))).toBe(false);
  });
});
