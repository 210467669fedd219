/** Pure parts of the server: format detection, fingerprints and redaction across formats, alert parsing (--upload: upload.test.ts). */
import { describe, expect, it } from 'vitest';
import { parseAlerts } from '../../src/server/ingest/alerts.js';
import { parseUpload } from '../../src/server/ingest/detect-kind.js';
import { aigisReport, cyclonedx, FAKE_TOKEN, falcoEvent, sarif } from './fixtures.js';

describe('upload formats', () => {
  it('detects each kind from the content', () => {
    expect(parseUpload(JSON.stringify(aigisReport([{ rule: 'a/b', path: 'x' }]))).kind).toBe('aigis');
    expect(parseUpload(JSON.stringify(sarif([]))).kind).toBe('sarif');
    expect(parseUpload(JSON.stringify(cyclonedx())).kind).toBe('cyclonedx');
  });

  it('prefers the line-free aigis/v2 fingerprint in SARIF and ignores line-hash fingerprints', () => {
    const a = parseUpload(JSON.stringify(sarif([{ rule: 'R1', uri: 'a', line: 1, text: 't', partial: { 'aigis/v2': 'abc', primaryLocationLineHash: 'h:1' } }], 'aigis')));
    expect(a.findings[0].fingerprint).toBe('abc');
    const b = parseUpload(JSON.stringify(sarif([{ rule: 'R1', uri: 'a', line: 1, text: 't', partial: { primaryLocationLineHash: 'h:1' } }])));
    const c = parseUpload(JSON.stringify(sarif([{ rule: 'R1', uri: 'a', line: 5, text: 't', partial: { primaryLocationLineHash: 'h:5' } }])));
    expect(b.findings[0].fingerprint).toBe(c.findings[0].fingerprint);
  });

  it('gives identical SARIF results in one file distinct fingerprints', () => {
    const r = parseUpload(JSON.stringify(sarif([1, 2].map((line) => ({ rule: 'R1', uri: 'a.py', line, text: 'same' })))));
    expect(new Set(r.findings.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('maps SARIF levels and security-severity to severities', () => {
    const doc = sarif([{ rule: 'R1', uri: 'a', line: 1, text: 'x', level: 'note' }, { rule: 'R1', uri: 'b', line: 1, text: 'y', level: 'warning' }]) as { runs: { results: Record<string, unknown>[] }[] };
    doc.runs[0].results.push({ ruleId: 'R2', level: 'note', message: { text: 'z' }, properties: { 'security-severity': '9.8' } });
    expect(parseUpload(JSON.stringify(doc)).findings.map((f) => f.severity)).toEqual(['low', 'medium', 'critical']);
  });

  it('redacts credentials in SARIF messages and BOM properties', () => {
    const s = parseUpload(JSON.stringify(sarif([{ rule: 'R1', uri: 'a', line: 1, text: `found ${FAKE_TOKEN}` }])));
    expect(s.findings[0].message).not.toContain(FAKE_TOKEN);
    const bom = cyclonedx() as { components: Record<string, unknown>[] };
    bom.components[0].properties = [{ name: 'index-url', value: `https://x:${FAKE_TOKEN}@pypi.example/simple` }];
    expect(JSON.stringify(parseUpload(JSON.stringify(bom)).assets)).not.toContain(FAKE_TOKEN);
  });
});

describe('runtime alerts', () => {
  it('maps Falco priorities and requires rule, output and time', () => {
    const [a] = parseAlerts(JSON.stringify({ ...falcoEvent('r'), priority: 'Warning' }));
    expect(a).toMatchObject({ source: 'falco', severity: 'medium', rule: 'r', hostname: 'node-1' });
    expect(() => parseAlerts(JSON.stringify({ ...falcoEvent('r'), time: 'yesterday' }))).toThrow(/time/);
    expect(() => parseAlerts(JSON.stringify({ output: 'x', time: '2026-01-01T00:00:00Z' }))).toThrow(/rule/);
  });

  it('takes an array of Falco events and refuses a scan report', () => {
    expect(parseAlerts(JSON.stringify([falcoEvent('a'), falcoEvent('b')]))).toHaveLength(2);
    expect(() => parseAlerts(JSON.stringify(aigisReport([])))).toThrow(/not runtime alerts/);
  });

  it('names the malformed line of JSON lines', () => {
    expect(() => parseAlerts(`${JSON.stringify(falcoEvent('a'))}\n{oops\n`)).toThrow(/line 2/);
  });
});
