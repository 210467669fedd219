/** SARIF 2.1.0 from any tool (src/server/ingest/sarif.ts): titles, fingerprints per tool, severities. */
import { describe, expect, it } from 'vitest';
import { normalizeSarif } from '../../src/server/ingest/sarif.js';
import { sarif } from './fixtures.js';

type Log = Record<string, unknown> & { runs: { tool: { driver: Record<string, unknown> }; results: Record<string, unknown>[] }[] };
const log = (results: Parameters<typeof sarif>[0], tool?: string) => sarif(results, tool) as Log;

describe('SARIF → stored form', () => {
  it('takes the title and remediation from the rule, the path and line from the first location', () => {
    const [f] = normalizeSarif(log([{ rule: 'R1', uri: 'src/a.py', line: 12, text: 'bad call' }])).findings;
    expect(f).toMatchObject({ ruleId: 'R1', title: 'Rule one', remediation: 'Do better.', message: 'bad call', path: 'src/a.py', startLine: 12, severity: 'high' });
  });

  it('prefixes other tools\' fingerprints with the tool name; aigis keeps its own', () => {
    const other = normalizeSarif(log([{ rule: 'R1', uri: 'a', line: 1, text: 't', partial: { 'aigis/v2': 'abc' } }], 'semgrep'));
    const own = normalizeSarif(log([{ rule: 'R1', uri: 'a', line: 1, text: 't', partial: { 'aigis/v2': 'abc' } }], 'aigis'));
    expect(other.findings[0].fingerprint).toBe('semgrep:abc');
    expect(own.findings[0].fingerprint).toBe('abc');
    expect([other.tool, own.tool]).toEqual(['semgrep', 'aigis']);
  });

  it('uses a tool\'s line-free fingerprint over a line hash, from partialFingerprints or fingerprints', () => {
    const doc = log([{ rule: 'R1', uri: 'a', line: 1, text: 't', partial: { primaryLocationLineHash: 'h:1', 'semgrep/v1': 'zz' } }]);
    expect(normalizeSarif(doc).findings[0].fingerprint).toBe('othertool:semgrep/v1=zz');
    delete doc.runs[0].results[0].partialFingerprints;
    doc.runs[0].results[0].fingerprints = { 'matchBasedId/v1': 'm1' };
    expect(normalizeSarif(doc).findings[0].fingerprint).toBe('othertool:matchBasedId/v1=m1');
  });

  it('without fingerprints, keys by tool, rule, file and message with digits ignored (moved lines and changed counts match)', () => {
    const a = normalizeSarif(log([{ rule: 'R1', uri: 'a.py', line: 3, text: 'found 3 issues' }])).findings[0];
    const b = normalizeSarif(log([{ rule: 'R1', uri: 'a.py', line: 40, text: 'found 4 issues' }])).findings[0];
    const c = normalizeSarif(log([{ rule: 'R1', uri: 'b.py', line: 3, text: 'found 3 issues' }])).findings[0];
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
  });

  it('falls back to the rule\'s default level, and joins the tools of several runs', () => {
    const doc = log([{ rule: 'R1', uri: 'a', line: 1, text: 't' }]);
    delete doc.runs[0].results[0].level;
    (doc.runs[0].tool.driver.rules as Record<string, unknown>[])[0].defaultConfiguration = { level: 'note' };
    doc.runs.push({ tool: { driver: { name: 'bandit' } }, results: [{ ruleId: 'B101', message: { text: 'assert' } }] });
    const r = normalizeSarif(doc);
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.title])).toEqual([['R1', 'low', 'Rule one'], ['B101', 'medium', 'B101']]);
    expect(r).toMatchObject({ kind: 'sarif', tool: 'bandit+othertool', command: 'sarif', assets: [], alerts: [] });
  });

  it('refuses a log it cannot read, naming the part', () => {
    expect(() => normalizeSarif({ version: '2.0.0', runs: [] })).toThrow(/unsupported version "2.0.0"/);
    expect(() => normalizeSarif({ version: '2.1.0', runs: {} })).toThrow(/"runs" must be an array/);
    expect(() => normalizeSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 't' } }, results: [{ message: { text: 'x' } }] }] })).toThrow(/runs\[0\]\.results\[0\] has no ruleId/);
  });
});
