/** A report file is input: entries of the wrong shape are dropped, never crash triage or explain. */
import { describe, expect, it } from 'vitest';
import { explainText, triageText } from '../../src/analyst/narrative.js';
import { normaliseReport } from '../../src/cli/commands/explain.js';
import type { Report } from '../../src/core/model.js';
import { pathReport } from '../support/hostile-path-report.js';

const hostile = {
  schemaVersion: 1,
  target: 42,
  findings: [null, 7, 'x', { ruleId: 'a/b' }, { ruleId: 'a/b', severity: 'bogus' }, { ruleId: 'k8s/x', severity: 'high', location: 'nope', references: null, onPaths: [1, 'path-1'] }],
  rules: [null, { id: 'k8s/x', severity: 'high' }, { id: 5 }],
  assets: [{}, { id: 'a', relations: 'x', locations: [null] }],
  paths: { version: 1, items: [null, { id: 'path-1', ruleId: 'path/x', severity: 'critical', score: 50, entry: {}, target: {}, steps: [null, { role: 'entry' }, { finding: { ruleId: 'k8s/x', fingerprint: 'f' }, location: 'bad' }] }, { id: 'path-2', steps: 'no' }] },
} as unknown as Partial<Report>;

describe('hostile report files', () => {
  it('keeps the well-formed entries and answers', () => {
    const r = normaliseReport(hostile, 'r.json');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['k8s/x']);
    expect(r.findings[0].location).toEqual({});
    expect(r.findings[0].onPaths).toEqual(['path-1']);
    expect(r.rules.map((x) => x.id)).toEqual(['k8s/x']);
    expect(r.paths!.items.map((p) => p.id)).toEqual(['path-1']);
    expect(r.paths!.items[0].steps).toHaveLength(2);
    expect(r.target.name).toBe('r.json');
    expect(triageText(r)).toMatch(/^aigis triage of r\.json: 1 finding\(s\), 1 attack path\(s\)\./);
    expect(explainText(r, { path: 'path-1' })).toMatch(/^\[critical, score 50\]/);
    expect(explainText(r)).toBe(explainText(r, { path: 'path-1' }));
  });

  it('a well-formed report comes through unchanged in what the narrative reads', () => {
    const r = pathReport();
    expect(triageText(normaliseReport(JSON.parse(JSON.stringify(r)) as Report, 'r.json'))).toBe(triageText(r));
  });
});
