/**
 * Issue 13.6: human outputs list one advisory for one package version once, with every place it was
 * seen; other findings and other versions stay separate; machine formats keep every finding.
 */
import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../src/core/finding.js';
import type { Finding, RuleMeta } from '../../src/core/model.js';
import { markdown } from '../../src/report/markdown.js';
import { table } from '../../src/report/table.js';
import { emptyReport } from '../support/sample-report.js';

const advisory: RuleMeta = { id: 'vuln/GHSA-53q9-r3pm-6pq6', title: 'torch.load RCE', severity: 'critical', category: 'vulnerability', description: 'd', remediation: 'Upgrade torch to 2.6.0 or later.', references: { cve: ['CVE-2025-32434'] } };
const secret: RuleMeta = { id: 'secret/openai-api-key', title: 'OpenAI key', severity: 'critical', category: 'secret', description: 'd', remediation: 'Revoke it.', references: { cwe: ['CWE-798'] } };

const vuln = (version: string, path: string, line: number): Finding =>
  makeFinding(advisory, {
    location: { path, startLine: line },
    message: `torch ${version} is affected by GHSA-53q9-r3pm-6pq6.`,
    properties: { package: 'torch', version, ecosystem: 'PyPI', advisory: 'GHSA-53q9-r3pm-6pq6' },
    fingerprintSalt: `${path}@${version}`,
  });

function report(findings: Finding[]) {
  return { ...emptyReport(), findings, rules: [advisory, secret] };
}

describe('advisories grouped per package version in human outputs', () => {
  const findings = [
    vuln('2.5.1', 'requirements.txt', 3),
    vuln('2.5.1', 'server/uv.lock', 120),
    vuln('2.5.1', 'router/uv.lock', 88),
    vuln('2.5.1', 'launcher/uv.lock', 40),
    vuln('2.4.0', 'legacy/requirements.txt', 1),
    makeFinding(secret, { location: { path: 'a.env', startLine: 1 }, message: 'key one', evidence: 'sk-…(51 chars)' }),
    makeFinding(secret, { location: { path: 'b.env', startLine: 1 }, message: 'key two', evidence: 'sk-…(51 chars)' }),
  ];

  it('table: one entry per advisory and version, places listed, counts unchanged', () => {
    const out = table(report(findings), { color: false });
    expect(out).toContain('  vuln/GHSA-53q9-r3pm-6pq6  requirements.txt:3, server/uv.lock:120, router/uv.lock:88 (+1 more)');
    expect(out).toContain('  vuln/GHSA-53q9-r3pm-6pq6  legacy/requirements.txt:1');
    expect(out.match(/torch 2\.5\.1 is affected/g)).toHaveLength(1);
    expect(out).toContain('  secret/openai-api-key  a.env:1');
    expect(out).toContain('  secret/openai-api-key  b.env:1');
    expect(out).toContain('CRITICAL (7)');
  });

  it('markdown: one row per advisory and version; nothing reported as left out', () => {
    const out = markdown(report(findings), { color: false });
    expect(out.match(/torch 2\.5\.1 is affected/g)?.length).toBe(2); // its row and its details block
    expect(out).toContain('requirements.txt:3, server/uv.lock:120, router/uv.lock:88 (+1 more)');
    expect(out).not.toContain('more findings (see the SARIF');
  });
});
