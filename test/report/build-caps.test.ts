import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../src/core/finding.js';
import type { Finding, RuleMeta } from '../../src/core/model.js';
import { buildReport, MAX_FINDINGS, MAX_FINDINGS_PER_RULE } from '../../src/report/build.js';
import { json } from '../../src/report/json.js';
import { markdown } from '../../src/report/markdown.js';
import { table } from '../../src/report/table.js';

const rule = (id: string): RuleMeta => ({ id, title: id, severity: 'high', category: 'unsafe-artifact', description: 'd', remediation: 'r', references: {} });
const stats = { files: 1, bytes: 1, skipped: 0, durationMs: 0 };

function flood(ruleCount: number, perRule: number): Finding[] {
  const out: Finding[] = [];
  for (let r = 0; r < ruleCount; r++) {
    const meta = rule(`test/flood-${r}`);
    for (let i = 0; i < perRule; i++) out.push(makeFinding(meta, { location: { path: 'big.zip', member: `m/${i}` }, message: `entry ${i} overlaps`, evidence: `entry ${i}` }));
  }
  return out;
}

describe('report caps (issue 9.7: a finding flood renders instead of RangeError)', () => {
  it('keeps at most MAX_FINDINGS_PER_RULE per rule and counts the rest in a note', () => {
    const report = buildReport('scan', { name: 't', type: 'directory' }, { findings: flood(1, 20_000), suppressed: [], assets: [], notes: [], stats, rules: [] });
    expect(report.findings).toHaveLength(MAX_FINDINGS_PER_RULE);
    expect(report.notes.map((n) => n.message)).toContain(`${20_000 - MAX_FINDINGS_PER_RULE} more test/flood-0 findings not listed (at most ${MAX_FINDINGS_PER_RULE} per rule; the most severe are kept)`);
    expect(JSON.parse(json(report, { color: false })).findings).toHaveLength(MAX_FINDINGS_PER_RULE);
  });

  it('keeps at most MAX_FINDINGS per report over many rules', () => {
    const report = buildReport('scan', { name: 't', type: 'directory' }, { findings: flood(30, 500), suppressed: [], assets: [], notes: [], stats, rules: [] });
    expect(report.findings).toHaveLength(MAX_FINDINGS);
    expect(report.notes.map((n) => n.message)).toContain(`${30 * 500 - MAX_FINDINGS} more findings not listed (at most ${MAX_FINDINGS} per report; the most severe are kept)`);
  });
});

describe('human output neutralises control and bidi characters (issue 9.8)', () => {
  const f = makeFinding(rule('test/bidi'), { location: { path: 'a\u202eb.py' }, message: 'summary \u202etxt.exe\u2066 with \u001b]0;title\u0007 escape' });
  const report = buildReport('scan', { name: 't', type: 'directory' }, { findings: [f], suppressed: [], assets: [], notes: [{ level: 'warning', message: 'note \u202e here' }], stats, rules: [] });
  for (const [name, fmt] of [['table', table], ['markdown', markdown]] as const) {
    it(name, () => {
      const text = fmt(report, { color: false });
      expect(text).toContain('summary ?txt.exe?');
      expect(text).toContain('note ? here');
      // eslint-disable-next-line no-control-regex -- the control characters are what must not appear
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    });
  }
});
