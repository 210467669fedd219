/**
 * The deterministic analyst: templates over a report's attack paths, severities and remediations.
 * Output is plain text for a terminal or an MCP client; every piece of scanned text (paths, messages,
 * evidence, asset names) goes through `neutralise` so it cannot drive a terminal, and is cut to a
 * bounded length. Nothing here depends on the clock or the machine: same report, same text.
 */
import type { AttackPath, Finding, Report, RuleMeta } from '../core/model.js';
import { neutralise } from '../report/safe-text.js';
import { findingId, lookupFinding, lookupPath, pathFindings, rank, where, type RankedGroup, type RankedItem, type RankedPath } from './rank.js';

/** One line of scanned text: neutralised and cut. */
export function clip(text: string | undefined, max = 200): string {
  const t = neutralise(text ?? '').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const MAX_LOCATIONS = 5;

const ENTRY: Record<string, string> = {
  'internet-exposure': 'the internet',
  'public-bucket': 'a public bucket',
  'untrusted-ci-trigger': 'an untrusted CI trigger',
  'leaked-credential': 'a leaked credential',
  'unsafe-model-artifact': 'an unsafe model file',
  'vulnerable-exposed-server': 'a vulnerable exposed server',
};
const TARGET: Record<string, string> = {
  'training-data': 'training data',
  'model-store': 'a model store',
  'ai-account': 'a billable AI account',
  secret: 'secrets',
  'model-publishing-ci': 'the model-publishing CI',
  node: 'the node',
};

/**
 * A remediation as an indented block: its lines kept (code snippets are the exact change), each
 * neutralised and cut, at most `maxLines`; a cut is marked.
 */
export function block(text: string | undefined, pad: string, maxLines: number): string[] {
  const lines = (text ?? '').replace(/\r\n?/g, '\n').trim().split('\n');
  const out = lines.slice(0, maxLines).map((l) => {
    const t = neutralise(l).trimEnd();
    return `${pad}${t.length > 600 ? `${t.slice(0, 599)}…` : t}`;
  });
  if (lines.length > maxLines) out.push(`${pad}…(${lines.length - maxLines} more line(s))`);
  return out;
}

function firstSentence(text: string | undefined): string {
  const t = clip(text, 400);
  const m = /^(.+?[.!?])(?:\s|$)/.exec(t);
  return m ? m[1] : t;
}

function rulesOf(report: Report): Map<string, RuleMeta> {
  return new Map(report.rules.map((r) => [r.id, r]));
}

function pathLines(report: Report, item: RankedPath, n: number | undefined, detail: boolean): string[] {
  const p = item.path;
  const head = `${n === undefined ? '' : `${n}. `}[${p.severity}, score ${p.score}] ${clip(p.title)} (${p.id}, ${p.ruleId})`;
  const pad = n === undefined ? '' : ' '.repeat(String(n).length + 2);
  const out = [head];
  out.push(`${pad}Why: an attacker starting from ${ENTRY[p.entry.kind] ?? clip(p.entry.kind, 40)} reaches ${TARGET[p.target.kind] ?? clip(p.target.kind, 40)} in ${p.steps.length} step(s)${p.variants ? ` (${p.variants} more route(s) between the same ends)` : ''}.`);
  const similar = item.similar ?? [];
  if (similar.length) {
    const shown = similar.slice(0, detail ? 20 : MAX_LOCATIONS);
    const from = shown.map((q) => `${clip(where(q.steps[0]?.location), 120) || clip(q.steps[0]?.assetName, 80)} (${q.id})`);
    out.push(`${pad}Same route from ${similar.length} more place(s): ${from.join(', ')}${similar.length > shown.length ? ` (+${similar.length - shown.length} more)` : ''}.`);
  }
  out.push(`${pad}Steps:`);
  for (const s of p.steps) {
    const at = where(s.location);
    const cite = s.finding ? ` [${s.finding.ruleId}${at ? ` at ${clip(at, 160)}` : ''}]` : at ? ` [${clip(at, 160)}]` : '';
    out.push(`${pad}  ${s.role.padEnd(6)} ${clip(s.assetName, 120)} (${s.assetKind})${s.via ? ` via ${clip(s.via, 40)}` : ''}: ${clip(s.description)}${cite}`);
  }
  out.push(...changeLines(report, item.findings, pad, detail, similar.length > 0));
  return out;
}

/** The exact changes: each finding's remediation at its file and line, one per rule and place. */
function changeLines(report: Report, findings: Finding[], pad: string, detail: boolean, several = false): string[] {
  if (!findings.length) return [`${pad}Change: no single finding gates this path; remove the relation between its steps (see the path rule's documentation).`];
  const out = [several ? `${pad}Changes (fix every place the route starts from; breaking a later step breaks them all):` : `${pad}Changes (breaking any one step breaks the path):`];
  const rules = rulesOf(report);
  for (const f of findings) {
    const [first, ...rest] = block(f.remediation || rules.get(f.ruleId)?.remediation, `${pad}    `, detail ? 40 : 12);
    out.push(`${pad}  - ${clip(where(f.location), 160) || 'report'} (${f.ruleId}, ${f.severity}): ${first.trimStart()}`, ...rest);
  }
  return out;
}

function groupLines(report: Report, item: RankedGroup, n: number | undefined, detail: boolean): string[] {
  const fs = item.findings;
  const worst = fs.reduce((a, f) => (sevIndex(f.severity) < sevIndex(a) ? f.severity : a), fs[0].severity);
  const title = item.rule?.title ?? fs[0].title;
  const pad = n === undefined ? '' : ' '.repeat(String(n).length + 2);
  const out = [`${n === undefined ? '' : `${n}. `}[${worst}] ${clip(title)} (${item.ruleId})${fs.length > 1 ? ` x${fs.length}` : ''}`];
  out.push(`${pad}Why: ${firstSentence(item.rule?.description ?? fs[0].message)}`);
  const shown = fs.slice(0, detail ? 20 : MAX_LOCATIONS);
  out.push(`${pad}Where: ${shown.map((f) => clip(where(f.location), 120) || findingId(f).slice(0, 12)).join(', ')}${fs.length > shown.length ? ` (+${fs.length - shown.length} more)` : ''}`);
  const [first, ...rest] = block(fs[0].remediation || item.rule?.remediation, `${pad}  `, detail ? 40 : 12);
  out.push(`${pad}Change: ${first.trimStart()}`, ...rest);
  return out;
}

function sevIndex(s: string): number {
  return ['critical', 'high', 'medium', 'low', 'info'].indexOf(s);
}

function itemLines(report: Report, item: RankedItem, n: number | undefined, detail: boolean): string[] {
  return item.kind === 'path' ? pathLines(report, item, n, detail) : groupLines(report, item, n, detail);
}

export interface TriageOptions {
  /** Items shown (default 10). */
  top?: number;
}

/** `aigis triage`: the ranked list, paths first. */
export function triageText(report: Report, opts: TriageOptions = {}): string {
  const items = rank(report);
  const top = Math.max(1, opts.top ?? 10);
  const paths = report.paths?.items.length ?? 0;
  const lines = [
    `aigis triage of ${clip(report.target.name, 160)}: ${report.findings.length} finding(s), ${paths} attack path(s)${report.paths?.omitted ? ` (+${report.paths.omitted} omitted)` : ''}.`,
  ];
  if (!items.length) {
    lines.push('', 'Nothing to fix: the report has no findings.');
    return `${lines.join('\n')}\n`;
  }
  lines.push('', paths ? 'Fix first (attack paths by score, then the remaining findings by severity):' : 'Fix first (by severity and confidence):');
  items.slice(0, top).forEach((item, i) => lines.push('', ...itemLines(report, item, i + 1, false)));
  if (items.length > top) lines.push('', `${items.length - top} more item(s) not shown (use --top).`);
  return `${lines.join('\n')}\n`;
}

export class ExplainError extends Error {}

/** `aigis explain`: one finding or one path in full; the top-ranked item when neither is named. */
export function explainText(report: Report, sel: { finding?: string; path?: string } = {}): string {
  if (sel.path !== undefined) {
    const p = lookupPath(report, sel.path);
    if (!p) throw new ExplainError(`no attack path "${sel.path}" in the report${report.paths?.items.length ? ` (ids: ${report.paths.items.slice(0, 5).map((x) => x.id).join(', ')}${report.paths.items.length > 5 ? ', …' : ''})` : ' (it has none)'}`);
    return explainPath(report, p);
  }
  if (sel.finding !== undefined) {
    const f = lookupFinding(report, sel.finding);
    if (!f) throw new ExplainError(`no finding "${sel.finding}" in the report (use its stableFingerprint, or a unique prefix of 8+ characters)`);
    return explainFinding(report, f);
  }
  const first = rank(report)[0];
  if (!first) return 'Nothing to explain: the report has no findings.\n';
  return first.kind === 'path' ? explainPath(report, first.path) : explainFinding(report, first.findings[0]);
}

export function explainPath(report: Report, p: AttackPath): string {
  const lines = pathLines(report, { kind: 'path', path: p, findings: pathFindings(report, p) }, undefined, true);
  const rule = rulesOf(report).get(p.ruleId);
  if (rule) lines.push('', `About ${p.ruleId}: ${clip(rule.description, 800)}`);
  return `${lines.join('\n')}\n`;
}

export function explainFinding(report: Report, f: Finding): string {
  const rule = rulesOf(report).get(f.ruleId);
  const lines = [
    `[${f.severity}] ${clip(f.title)} (${f.ruleId})`,
    `Id: ${findingId(f)}`,
    `Where: ${clip(where(f.location), 200) || 'n/a'}`,
    `What: ${clip(f.message, 600)}`,
  ];
  if (f.evidence) lines.push(`Evidence: ${clip(f.evidence, 300)}`);
  if (rule) lines.push(`Why it matters: ${clip(rule.description, 800)}`);
  const [first, ...rest] = block(f.remediation || rule?.remediation, '  ', 40);
  lines.push(`Fix: ${first.trimStart()}`, ...rest);
  const refs = [...(f.references.cve ?? []), ...(f.references.ghsa ?? []), ...(f.references.cwe ?? []), ...(f.references.owaspLlm ?? []), ...(f.references.atlas ?? [])];
  if (refs.length) lines.push(`References: ${refs.map((r) => clip(r, 40)).join(', ')}`);
  const on = (f.onPaths ?? []).filter((id) => lookupPath(report, id));
  if (on.length) lines.push(`On attack path(s): ${on.join(', ')} (aigis explain REPORT --path ID)`);
  return `${lines.join('\n')}\n`;
}
