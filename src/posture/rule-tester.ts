/**
 * RuleTester for posture rules (ESLint's RuleTester, STYLE.md §5.4): a table of `valid` cases that
 * must stay quiet and `invalid` cases that must report exactly the listed hits. The cases go through
 * the kind's real parser and project grouping, never a hand-made document.
 *
 * This module is pure (it returns problems); test/support/rule-tester.ts turns it into vitest cases.
 */
import { fileInfo } from '../core/file-info.js';
import type { Severity } from '../core/model.js';
import { kindReads, type DocumentKind, type PostureHit, type PostureRule } from './rule.js';

/** Files of one case: a single document (named by the table's `filename`) or several by path. */
export type CaseInput = string | { name?: string; files: Record<string, string> } | { name?: string; code: string };

export interface ExpectedHit {
  line?: number;
  path?: string;
  /** Substring (or pattern) the message must contain. */
  message?: string | RegExp;
  severity?: Severity;
}

export interface InvalidCase {
  name?: string;
  code?: string;
  files?: Record<string, string>;
  errors: ExpectedHit[];
}

export interface RuleCases {
  /** File name for cases given as a bare string or `code` (e.g. `main.tf`, `deploy.yaml`). */
  filename: string;
  valid: CaseInput[];
  invalid: InvalidCase[];
}

export interface CaseResult {
  name: string;
  hits: PostureHit[];
  problems: string[];
}

/** Runs a rule over documents made from in-memory files, exactly as the scan does. */
export function runRule<D, P>(kind: DocumentKind<D, P>, rule: PostureRule<P>, files: Record<string, string>): { hits: PostureHit[]; problems: string[] } {
  const problems: string[] = [];
  const docs: { path: string; document: D }[] = [];
  for (const path of Object.keys(files).sort()) {
    const text = files[path];
    if (!kindReads(kind, fileInfo(path, Buffer.byteLength(text)))) problems.push(`${path}: the ${kind.name} kind does not read this file name`);
    const parsed = kind.parse({ path, text });
    for (const n of parsed.notes ?? []) problems.push(`${path}: parse note: ${n}`);
    if (parsed.document !== undefined) docs.push({ path, document: parsed.document });
  }
  const hits = kind.project(docs).flatMap((p) => rule.check(p));
  for (const h of hits) {
    if (!(h.path in files)) problems.push(`hit names a path that is not in the case: ${h.path}`);
    if (!Number.isInteger(h.line) || h.line < 1) problems.push(`hit has no 1-based line: ${JSON.stringify(h)}`);
    if (!h.message?.trim()) problems.push('hit has an empty message');
    if (!h.key?.trim()) problems.push('hit has no key (what distinguishes it, independent of lines)');
  }
  const keys = hits.map((h) => `${h.path}\u0000${h.key}`);
  if (new Set(keys).size !== keys.length) problems.push('two hits share path and key (their fingerprints would collide)');
  return { hits, problems };
}

/** Checks the case table itself (ESLint: "Invalid cases must have at least one error") and every case. */
export function runRuleCases<D, P>(kind: DocumentKind<D, P>, rule: PostureRule<P>, cases: RuleCases): CaseResult[] {
  const out: CaseResult[] = [];
  const table: string[] = [];
  if (!cases.valid.length) table.push('no valid case: every rule needs a safe twin that stays quiet');
  if (!cases.invalid.length) table.push('no invalid case: every rule needs a case that fires');
  const seen = new Set<string>();
  const filesOf = (c: { code?: string; files?: Record<string, string> } | string): Record<string, string> =>
    typeof c === 'string' ? { [cases.filename]: c } : c.files ?? { [cases.filename]: c.code ?? '' };
  const dup = (files: Record<string, string>) => {
    const k = JSON.stringify(Object.entries(files).sort());
    if (seen.has(k)) table.push(`duplicate case: ${k.slice(0, 120)}`);
    seen.add(k);
  };
  cases.valid.forEach((c, i) => {
    const files = filesOf(c);
    dup(files);
    const { hits, problems } = runRule(kind, rule, files);
    for (const h of hits) problems.push(`valid case reported line ${h.line}: ${h.message}`);
    out.push({ name: `valid #${i + 1}${typeof c !== 'string' && c.name ? ` ${c.name}` : ''}`, hits, problems });
  });

  cases.invalid.forEach((c, i) => {
    const files = filesOf(c);
    dup(files);
    const { hits, problems } = runRule(kind, rule, files);
    if (!c.errors.length) problems.push('invalid case lists no expected hit');
    if (hits.length !== c.errors.length) problems.push(`expected ${c.errors.length} hit(s), got ${hits.length}: ${hits.map((h) => `${h.path}:${h.line} ${h.message}`).join(' | ')}`);
    const sorted = [...hits].sort((a, b) => a.path.localeCompare(b.path, 'en') || a.line - b.line);
    c.errors.forEach((e, j) => {
      const h = sorted[j];
      if (!h) return;
      if (e.line !== undefined && h.line !== e.line) problems.push(`hit ${j + 1}: expected line ${e.line}, got ${h.line} (${h.message})`);
      if (e.path !== undefined && h.path !== e.path) problems.push(`hit ${j + 1}: expected path ${e.path}, got ${h.path}`);
      if (e.severity !== undefined && (h.severity ?? rule.meta.severity) !== e.severity) problems.push(`hit ${j + 1}: expected severity ${e.severity}, got ${h.severity ?? rule.meta.severity}`);
      if (e.message !== undefined && !(typeof e.message === 'string' ? h.message.includes(e.message) : e.message.test(h.message))) problems.push(`hit ${j + 1}: message ${JSON.stringify(h.message)} does not match ${String(e.message)}`);
    });
    out.push({ name: `invalid #${i + 1}${c.name ? ` ${c.name}` : ''}`, hits, problems });
  });
  out.unshift({ name: 'case table', hits: [], problems: table });
  return out;
}
