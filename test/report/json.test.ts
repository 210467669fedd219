import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { json } from '../../src/report/json.js';
import { addFormats } from '../support/ajv-formats.js';
import { emptyReport, sampleReport } from '../support/sample-report.js';

const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../schemas/report.v1.schema.json'), 'utf8'));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

describe('json formatter and schemas/report.v1.schema.json', () => {
  it('the sample report validates', () => {
    const doc = JSON.parse(json(sampleReport(), { color: false }));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.schemaVersion).toBe(1);
  });

  it('an empty report validates', () => {
    expect(validate(JSON.parse(json(emptyReport(), { color: false })))).toBe(true);
  });

  it('adds a summary that agrees with the report', () => {
    const doc = JSON.parse(json(sampleReport(), { color: false }));
    expect(doc.summary).toMatchObject({
      findings: 5,
      bySeverity: { critical: 2, high: 1, medium: 1, low: 1, info: 0 },
      suppressed: 2,
      suppressedBy: { inline: 1, 'ignore-file': 1, config: 0 },
      expiredIgnores: 1,
      notes: { error: 1, warning: 2, info: 1 },
      assets: 2,
    });
  });

  it.each([
    ['a wrong schemaVersion', (d: Record<string, unknown>) => (d.schemaVersion = 2)],
    ['an unknown severity', (d: { findings: { severity: string }[] }) => (d.findings[0].severity = 'urgent')],
    ['a missing fingerprint', (d: { findings: { fingerprint?: string }[] }) => delete d.findings[0].fingerprint],
    ['an unknown top-level field', (d: Record<string, unknown>) => (d.extra = true)],
    ['a bad suppression kind', (d: { suppressed: { by: string }[] }) => (d.suppressed[0].by = 'magic')],
  ])('rejects %s', (_name, mutate) => {
    const doc = JSON.parse(json(sampleReport(), { color: false }));
    (mutate as (d: unknown) => void)(doc);
    expect(validate(doc)).toBe(false);
  });
});
