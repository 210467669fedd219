/** The aigis JSON report mapping (src/server/ingest/aigis.ts): what each field becomes once stored. */
import { describe, expect, it } from 'vitest';
import { normalizeAigis } from '../../src/server/ingest/aigis.js';
import { IngestError } from '../../src/server/ingest/types.js';
import { aigisReport, FAKE_TOKEN, samplePaths } from './fixtures.js';

type Doc = Record<string, unknown> & { findings: Record<string, unknown>[]; assets: Record<string, unknown>[] };
const report = (extra: Record<string, unknown> = {}) => aigisReport([{ rule: 'tf/s3-unencrypted', path: 'main.tf', line: 7 }], 0, extra) as Doc;

describe('aigis report → stored form', () => {
  it('keys findings by the line-free stableFingerprint and keeps rule, severity, location and text', () => {
    const doc = report();
    const [f] = normalizeAigis(doc).findings;
    expect(f).toMatchObject({
      fingerprint: doc.findings[0].stableFingerprint,
      ruleId: 'tf/s3-unencrypted',
      severity: 'high',
      category: 'misconfiguration',
      title: 'Title of tf/s3-unencrypted',
      path: 'main.tf',
      startLine: 7,
      remediation: 'Fix it.',
    });
    // The same finding one line lower is the same tracked finding.
    const moved = aigisReport([{ rule: 'tf/s3-unencrypted', path: 'main.tf', line: 8 }]) as Doc;
    expect(normalizeAigis(moved).findings[0].fingerprint).toBe(f.fingerprint);
    expect(moved.findings[0].fingerprint).not.toBe(doc.findings[0].fingerprint);
  });

  it('falls back to the line-based fingerprint of older reports, and to the rule id for a missing title', () => {
    const doc = report();
    delete doc.findings[0].stableFingerprint;
    delete doc.findings[0].title;
    const [f] = normalizeAigis(doc).findings;
    expect(f.fingerprint).toBe(doc.findings[0].fingerprint);
    expect(f.title).toBe('tf/s3-unencrypted');
  });

  it('takes a URL location (probe) when there is no file', () => {
    const doc = report();
    doc.findings[0].location = { url: 'http://10.0.0.5:11434/api/tags' };
    expect(normalizeAigis(doc).findings[0]).toMatchObject({ path: 'http://10.0.0.5:11434/api/tags', startLine: undefined });
  });

  it('redacts credentials in messages and evidence, and cuts long text', () => {
    const doc = report();
    doc.findings[0].message = `token ${FAKE_TOKEN} in main.tf`;
    doc.findings[0].evidence = FAKE_TOKEN;
    doc.findings[0].remediation = 'x'.repeat(10_000);
    const [f] = normalizeAigis(doc).findings;
    expect(`${f.message} ${f.evidence}`).not.toContain(FAKE_TOKEN);
    expect(f.message).toContain('main.tf');
    expect(f.remediation!.length).toBeLessThan(4_100);
  });

  it('maps assets with their first location as path:line and redacted properties', () => {
    const doc = report();
    doc.assets[0].properties = { sdk: 'boto3', endpoint: `https://user:${FAKE_TOKEN}@bedrock.example` };
    const { assets } = normalizeAigis(doc);
    expect(assets.map((a) => [a.id, a.kind, a.name, a.location])).toEqual([
      ['llm-provider:bedrock', 'llm-provider', 'Amazon Bedrock', 'app.py:3'],
      ['mcp-server:fs', 'mcp-server', 'filesystem', '.mcp.json'],
    ]);
    expect(assets[0].properties.sdk).toBe('boto3');
    expect(JSON.stringify(assets[0].properties)).not.toContain(FAKE_TOKEN);
  });

  it('keeps command, target and creation time; only detect reports become runtime alerts', () => {
    const scan = normalizeAigis(report());
    expect(scan).toMatchObject({ kind: 'aigis', tool: 'aigis', command: 'scan', target: 'repo', createdAt: '2026-01-01T00:00:00.000Z', alerts: [] });
    const doc = report({ command: 'detect' });
    doc.findings[0].properties = { time: '2026-11-20T10:14:30.123Z', identity: 'ray' };
    const detect = normalizeAigis(doc);
    expect(detect.alerts).toHaveLength(1);
    expect(detect.alerts[0]).toMatchObject({ source: 'aigis-detect', rule: 'tf/s3-unencrypted', severity: 'high', at: '2026-11-20T10:14:30.123Z' });
    expect(detect.alerts[0].fields).toMatchObject({ identity: 'ray', fingerprint: detect.findings[0].fingerprint });
    // An event without a time of its own is dated by the report.
    delete doc.findings[0].properties;
    expect(normalizeAigis(doc).alerts[0].at).toBe('2026-01-01T00:00:00.000Z');
  });

  it('stores the attack paths of the report', () => {
    const { paths } = normalizeAigis(report({ paths: samplePaths }));
    expect(paths!.items.map((p) => p.id)).toEqual(['path-abc']);
    expect(paths!.items[0].steps.map((s) => s.role)).toEqual(['entry', 'pivot', 'target']);
    expect(normalizeAigis(report()).paths).toBeUndefined();
  });

  it('refuses what it cannot store faithfully, naming the field', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...report(), schemaVersion: 2 }, /unsupported schemaVersion 2/],
      [{ ...report(), assets: {} }, /"assets" must be an array/],
      [{ ...report(), findings: [{ ...report().findings[0], ruleId: '' }] }, /findings\[0\]\.ruleId/],
      [{ ...report(), findings: [{ ...report().findings[0], fingerprint: undefined, stableFingerprint: undefined }] }, /neither stableFingerprint nor fingerprint/],
      [{ ...report(), findings: [7] }, /findings\[0\] must be an object/],
      [{ ...report(), assets: [{ kind: 'model' }] }, /assets\[0\]\.id/],
    ];
    for (const [doc, message] of cases) {
      expect(() => normalizeAigis(doc)).toThrow(IngestError);
      expect(() => normalizeAigis(doc)).toThrow(message);
    }
  });
});
