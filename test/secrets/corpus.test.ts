/**
 * Recall and false alarms over the committed corpus (test/secrets/fixtures/corpus, made by generate.ts):
 * every expected (file, line, rule) must be found, and nothing else may be reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/model.js';
import type { Expected } from './fixtures/corpus/render.js';
import { scan, score } from './helpers.js';

const root = fileURLToPath(new URL('./fixtures/corpus/', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

async function scanCorpus(): Promise<{ findings: Finding[]; files: number }> {
  const files = [...walk(join(root, 'leaks')), ...walk(join(root, 'decoys'))];
  const findings: Finding[] = [];
  for (const abs of files) {
    const rel = relative(root, abs).split('\\').join('/');
    findings.push(...(await scan(rel, readFileSync(abs))).findings);
  }
  return { findings, files: files.length };
}

describe('secrets corpus', () => {
  it('finds at least 95% of the planted leaks with no false alarm', async () => {
    const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')) as Expected[];
    expect(expected.length).toBeGreaterThan(100);
    const { findings, files } = await scanCorpus();
    expect(files).toBeGreaterThan(60);
    const { recall, missed, falseAlarms } = score(expected, findings);
    const show = (f: Finding) => `${f.location.path}:${f.location.startLine} ${f.ruleId} ${f.evidence}`;
    expect(falseAlarms.map(show), 'false alarms').toEqual([]);
    expect(recall, `missed: ${JSON.stringify(missed)}`).toBeGreaterThanOrEqual(0.95);
    // Every rule except the AWS standalone ones appears in the corpus at least once.
    const seen = new Set(findings.map((f) => f.ruleId));
    for (const rule of new Set(expected.map((e) => e.rule))) expect(seen.has(rule), rule).toBe(true);
  });

  it('never reports a decoy file', async () => {
    const { findings } = await scanCorpus();
    expect(findings.filter((f) => f.location.path?.startsWith('decoys/')).map((f) => f.location.path)).toEqual([]);
  });

  it('redacts every value in messages and evidence', async () => {
    const { findings } = await scanCorpus();
    for (const f of findings) {
      const text = `${f.message} ${f.evidence}`;
      // No run of 24+ key characters survives: redaction keeps at most an 8-character prefix.
      expect(text, f.ruleId).not.toMatch(/[A-Za-z0-9_\-/+]{24,}/);
      expect(f.evidence).toMatch(/…\(\d+ chars\)/);
    }
  });
});
