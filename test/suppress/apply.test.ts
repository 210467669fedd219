import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../src/core/finding.js';
import type { Finding } from '../../src/core/model.js';
import { applyIgnores, compilePathGlob, parseIgnoreFile, todayUtc } from '../../src/suppress/index.js';
import { sampleRules } from '../support/sample-report.js';

const [openai, pickle] = sampleRules;
const at = (rule = openai, p = 'app/main.py', line = 3): Finding => makeFinding(rule, { location: { path: p, startLine: line }, message: 'm', evidence: `${p}:${line}` });

function entries(yaml: string) {
  return parseIgnoreFile(yaml, '.aigisignore');
}

describe('applyIgnores', () => {
  it('suppresses by rule id and records by, reason and expiry', () => {
    const f = [at(), at(pickle, 'models/a.pt')];
    const r = applyIgnores(f, entries('- rule: secret/openai-api-key\n  reason: rotated\n  expires: 2030-01-01\n'), 'ignore-file', '2026-01-01');
    expect(r.kept).toEqual([f[1]]);
    expect(r.suppressed).toEqual([{ finding: f[0], by: 'ignore-file', reason: 'rotated', expires: '2030-01-01' }]);
    expect(r.notes).toEqual([]);
  });

  it('matches a whole domain with domain/* but not other domains', () => {
    const f = [at(), at(pickle)];
    const r = applyIgnores(f, entries('- rule: secret/*\n  reason: r\n'), 'ignore-file', '2026-01-01');
    expect(r.suppressed.map((s) => s.finding.ruleId)).toEqual(['secret/openai-api-key']);
  });

  it('limits an entry to a path glob', () => {
    const f = [at(openai, 'docs/guide.md'), at(openai, 'src/app.py'), at(openai, 'docs/deep/more.md')];
    const r = applyIgnores(f, entries('- rule: secret/openai-api-key\n  path: docs/**\n  reason: r\n'), 'ignore-file', '2026-01-01');
    expect(r.kept.map((x) => x.location.path)).toEqual(['src/app.py']);
  });

  it('limits an entry to one fingerprint', () => {
    const f = [at(openai, 'a.py', 1), at(openai, 'a.py', 2)];
    const r = applyIgnores(f, entries(`- rule: secret/openai-api-key\n  fingerprint: ${f[1].fingerprint}\n  reason: r\n`), 'ignore-file', '2026-01-01');
    expect(r.kept).toEqual([f[0]]);
  });

  it('an entry expiring today still suppresses; from the next day it stops and warns', () => {
    const f = [at()];
    const list = entries('- rule: secret/openai-api-key\n  reason: r\n  expires: 2026-03-31\n');
    expect(applyIgnores(f, list, 'ignore-file', '2026-03-31').suppressed).toHaveLength(1);
    const after = applyIgnores(f, list, 'ignore-file', '2026-04-01');
    expect(after.kept).toEqual(f);
    expect(after.suppressed).toEqual([]);
    expect(after.notes).toHaveLength(1);
    expect(after.notes[0]).toMatchObject({ level: 'warning', path: '.aigisignore', source: 'suppress/expired' });
    expect(after.notes[0].message).toBe(
      'ignore entry at .aigisignore:1 (secret/openai-api-key) expired on 2026-03-31 and no longer suppresses findings (1 finding reported again); fix them or renew the entry with a reason',
    );
  });

  it('leaves an info note for an entry that matched nothing', () => {
    const r = applyIgnores([at(pickle)], entries('- rule: secret/openai-api-key\n  reason: r\n'), 'config', '2026-01-01');
    expect(r.notes).toEqual([{ level: 'info', path: '.aigisignore', message: 'ignore entry at .aigisignore:1 (secret/openai-api-key) matched no finding', source: 'suppress' }]);
  });

  it('does not match path-scoped entries to findings without a path (URLs, events)', () => {
    const f = makeFinding(openai, { location: { url: 'http://x/docs/a' }, message: 'm' });
    expect(applyIgnores([f], entries('- rule: secret/*\n  path: "**"\n  reason: r\n'), 'ignore-file', '2026-01-01').kept).toEqual([f]);
  });
});

describe('compilePathGlob', () => {
  it.each([
    ['*.ipynb', 'notebooks/deep/a.ipynb', true],
    ['*.ipynb', 'a.py', false],
    ['legacy/', 'legacy/a/b.py', true],
    ['legacy/', 'src/legacy/a.py', false],
    ['./docs/*.md', 'docs/a.md', true],
    ['docs/*.md', 'docs/sub/a.md', false],
    ['.env*', 'deploy/.env.production', true],
  ])('%s vs %s → %s', (glob, p, expected) => {
    expect(compilePathGlob(glob)(p)).toBe(expected);
  });
});

describe('todayUtc', () => {
  it('formats the UTC date', () => {
    expect(todayUtc(new Date('2026-05-04T23:30:00-05:00'))).toBe('2026-05-05');
  });
});
