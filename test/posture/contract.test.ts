/**
 * The posture contract itself: the RuleTester rejects weak case tables and wrong expectations, and the
 * pipeline's whole-target stage sees documents from several files (sorted) and applies inline
 * suppressions to what it reports.
 */
import { describe, expect, it } from 'vitest';
import { bufferFile } from '../../src/core/buffer-file.js';
import type { FileInfo, ScanFile } from '../../src/core/analyzer.js';
import type { Target } from '../../src/core/target.js';
import { postureAnalyzer } from '../../src/posture/analyzer.js';
import type { DocumentKind, PostureRule } from '../../src/posture/rule.js';
import { runRuleCases } from '../../src/posture/rule-tester.js';
import { runPipeline } from '../../src/pipeline/scan.js';
import { ruleTester } from '../support/rule-tester.js';

/** A toy kind: `*.toy` files of `name=value` lines; the project view is every file of the target. */
type ToyDoc = { entries: { key: string; value: string; line: number }[] };
type ToyProject = { files: { path: string; document: ToyDoc }[] };
const toyKind: DocumentKind<ToyDoc, ToyProject> = {
  name: 'toy',
  match: (f) => f.ext === '.toy',
  maxBytes: 1024 * 1024,
  parse: ({ text }) => {
    const entries: ToyDoc['entries'] = [];
    const notes: string[] = [];
    text.split('\n').forEach((l, i) => {
      if (!l.trim() || l.startsWith('#')) return;
      const m = /^(\w+)=(.*)$/.exec(l);
      if (m) entries.push({ key: m[1], value: m[2], line: i + 1 });
      else notes.push(`line ${i + 1} is not key=value`);
    });
    return { document: { entries }, notes };
  },
  project: (docs) => [{ files: docs }],
};

/** Fires on `open=yes` unless another file of the project says `guard=on` (a cross-file check). */
const openRule: PostureRule<ToyProject> = {
  meta: {
    id: 'toy/open',
    title: 'Toy open',
    severity: 'high',
    category: 'exposure',
    description: 'Test rule.',
    remediation: 'Close it.',
    references: { cwe: ['CWE-284'] },
    aliases: ['CKV_TOY_1'],
  },
  check(project) {
    const guarded = project.files.some((f) => f.document.entries.some((e) => e.key === 'guard' && e.value === 'on'));
    if (guarded) return [];
    return project.files.flatMap((f) =>
      f.document.entries.filter((e) => e.key === 'open' && e.value === 'yes').map((e) => ({ path: f.path, line: e.line, message: `open in ${f.path}`, key: `open@${e.key}`, evidence: 'open=yes' })),
    );
  },
};

ruleTester(toyKind, openRule, {
  filename: 'a.toy',
  valid: ['open=no', { files: { 'a.toy': 'open=yes', 'b.toy': 'guard=on' } }],
  invalid: [
    { code: 'x=1\nopen=yes', errors: [{ line: 2, message: 'open in a.toy' }] },
    { files: { 'a.toy': 'open=yes', 'b.toy': 'guard=off' }, errors: [{ path: 'a.toy', line: 1 }] },
  ],
});

describe('RuleTester rejects weak tables', () => {
  const problemsOf = (cases: Parameters<typeof runRuleCases<ToyDoc, ToyProject>>[2]) => runRuleCases(toyKind, openRule, cases).flatMap((r) => r.problems);
  it('needs a firing case and a safe twin', () => {
    expect(problemsOf({ filename: 'a.toy', valid: [], invalid: [] })).toEqual([
      'no valid case: every rule needs a safe twin that stays quiet',
      'no invalid case: every rule needs a case that fires',
    ]);
  });
  it('an invalid case that reports nothing fails', () => {
    expect(problemsOf({ filename: 'a.toy', valid: ['open=no'], invalid: [{ code: 'open=no', errors: [{ line: 1 }] }] })).toContain('expected 1 hit(s), got 0: ');
  });
  it('an invalid case with no expected hit fails', () => {
    expect(problemsOf({ filename: 'a.toy', valid: ['open=no'], invalid: [{ code: 'open=yes', errors: [] }] })).toContain('invalid case lists no expected hit');
  });
  it('a valid case that fires fails, and so do wrong lines and duplicates', () => {
    const p = problemsOf({ filename: 'a.toy', valid: ['open=yes'], invalid: [{ code: 'open=yes', errors: [{ line: 3 }] }] });
    expect(p).toContain('valid case reported line 1: open in a.toy');
    expect(p).toContain('hit 1: expected line 3, got 1 (open in a.toy)');
    expect(p.some((m) => m.startsWith('duplicate case'))).toBe(true);
  });
  it('files the kind does not read and parse notes are problems', () => {
    const p = problemsOf({ filename: 'a.txt', valid: ['open=no'], invalid: [{ code: 'garbage\nopen=yes', errors: [{ line: 2 }] }] });
    expect(p).toContain('a.txt: the toy kind does not read this file name');
    expect(p).toContain('a.txt: parse note: line 1 is not key=value');
  });
});

describe('whole-target stage in the pipeline', () => {
  function memoryTarget(files: Record<string, string>): Target {
    const made = new Map<string, ScanFile>(Object.entries(files).map(([p, c]) => [p, bufferFile(p, c)]));
    return {
      name: 'mem',
      type: 'directory',
      notes: [],
      index: async () => [...made.values()].map((f): FileInfo => ({ path: f.path, name: f.name, ext: f.ext, size: f.size })),
      // Reverse order: the result must not depend on the order files arrive in.
      async *open(list) {
        for (const f of [...list].reverse()) yield made.get(f.path)!;
      },
      get: (p) => made.get(p),
    };
  }
  const analyzer = postureAnalyzer({ kind: toyKind, rules: [openRule] });

  it('sees every file, reports with location, aliases and notes', async () => {
    const res = await runPipeline(memoryTarget({ 'z.toy': 'open=yes', 'a.toy': 'open=yes\nbad line', 'c.md': 'open=yes' }), { analyzers: [analyzer] });
    expect(res.findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.startLine}`).sort()).toEqual(['toy/open a.toy:1', 'toy/open z.toy:1']);
    expect(res.findings[0].properties?.aliases).toEqual(['CKV_TOY_1']);
    expect(res.notes.map((n) => n.message)).toContain('toy: line 2 is not key=value');
    expect(res.rules.map((r) => r.id)).toContain('toy/open');
  });

  it('a document in another file changes the verdict (cross-file)', async () => {
    const res = await runPipeline(memoryTarget({ 'a.toy': 'open=yes', 'b.toy': 'guard=on' }), { analyzers: [analyzer] });
    expect(res.findings).toEqual([]);
  });

  it('a file over the size cap is not read: noted when the kind says so, skipped silently otherwise', async () => {
    const big = `open=yes\n${'x=1\n'.repeat(40)}`; // 169 bytes
    const files = { 'a.toy': 'open=yes', 'big.toy': big };
    const noted = postureAnalyzer({ kind: { ...toyKind, maxBytes: 100, noteTooLarge: true }, rules: [openRule] });
    const res = await runPipeline(memoryTarget(files), { analyzers: [noted] });
    expect(res.findings.map((f) => f.location.path)).toEqual(['a.toy']);
    expect(res.notes.filter((n) => n.path === 'big.toy').map((n) => n.message)).toEqual(['toy: larger than 100 bytes; not read']);
    const silent = postureAnalyzer({ kind: { ...toyKind, maxBytes: 100 }, rules: [openRule] });
    const quiet = await runPipeline(memoryTarget(files), { analyzers: [silent] });
    expect(quiet.findings.map((f) => f.location.path)).toEqual(['a.toy']);
    expect(quiet.notes.filter((n) => n.path === 'big.toy')).toEqual([]);
    // Under the cap the same file is read.
    const read = await runPipeline(memoryTarget(files), { analyzers: [postureAnalyzer({ kind: { ...toyKind, maxBytes: big.length, noteTooLarge: true }, rules: [openRule] })] });
    expect(read.findings.map((f) => f.location.path).sort()).toEqual(['a.toy', 'big.toy']);
  });

  it('inline aigis-ignore applies to whole-target findings', async () => {
    const res = await runPipeline(memoryTarget({ 'a.toy': 'open=yes', 'b.toy': '# aigis-ignore: toy/open lab only\nopen=yes' }), { analyzers: [analyzer] });
    expect(res.findings.map((f) => f.location.path)).toEqual(['a.toy']);
    expect(res.suppressed.map((s) => [s.finding.location.path, s.by])).toEqual([['b.toy', 'inline']]);
  });
});
