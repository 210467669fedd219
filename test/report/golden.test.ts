import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatters } from '../../src/report/index.js';
import { sampleReport } from '../support/sample-report.js';

/** Golden files of every format for the sample report; refresh with UPDATE_GOLDEN=1 after a deliberate change. */
const cases: [string, string][] = [
  ['table', 'sample.table.txt'],
  ['markdown', 'sample.md'],
  ['json', 'sample.json'],
];

describe('golden outputs', () => {
  it.each(cases)('%s matches %s', (format, file) => {
    const golden = path.resolve(__dirname, 'golden', file);
    const text = formatters[format](sampleReport(), { color: false });
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });
});
