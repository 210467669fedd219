import type { Finding, Note, Report, Severity } from '../core/model.js';
import { SEVERITIES } from '../core/severity.js';
import type { Formatter } from './formatter.js';
import { suppressedText, summarize } from './summary.js';
import { inventorySummary } from './inventory-summary.js';
import { unreadEcosystemsLine } from '../packages/unread.js';
import { neutralise } from './safe-text.js';
import { groupFindings, placesText, type FindingGroup } from './group-findings.js';
import { morePaths, stepPlace, topPaths } from './paths.js';
import { formatBytes } from './bytes.js';

export { formatBytes };

const COLORS: Record<Severity, string> = { critical: '\x1b[1;31m', high: '\x1b[31m', medium: '\x1b[33m', low: '\x1b[36m', info: '\x1b[37m' };
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
/** Notes shown in the table; the rest are in `--format json`. */
const MAX_NOTES = 50;

/**
 * Human-readable report: findings grouped by severity (most severe first), notes, suppressed
 * findings, an optional inventory summary and the summary line. Colour only when the CLI says so
 * (stdout is a TTY and NO_COLOR is unset).
 */
export const table: Formatter = (report, ctx) => {
  const paint = (code: string, text: string) => (ctx.color ? `${code}${text}${RESET}` : text);
  const out: string[] = [];
  out.push(`aigis ${report.tool.version} — ${report.command} ${clean(report.target.name)} (${report.target.type})`, '');
  out.push(...pathsSection(report, paint));
  for (const sev of SEVERITIES) {
    const group = report.findings.filter((f) => f.severity === sev);
    if (!group.length) continue;
    out.push(paint(COLORS[sev], `${sev.toUpperCase()} (${group.length})`));
    for (const g of groupFindings(group)) out.push(...findingLines(g, (t) => paint(DIM, t)));
    out.push('');
  }
  if (!report.findings.length) out.push('No findings.', '');
  out.push(...notesSection(report.notes));
  out.push(...suppressedSection(report));
  out.push(...inventorySection(report));
  out.push(summaryLine(report));
  return out.join('\n') + '\n';
};

function findingLines(g: FindingGroup, dim: (t: string) => string): string[] {
  const f = g.finding;
  const lines = [`  ${f.ruleId}  ${clean(placesText(g, formatLocation))}${onPathsText(f)}`, `    ${clean(f.message)}`];
  if (f.evidence) lines.push(dim(`    evidence: ${clean(f.evidence)}`));
  lines.push(dim(`    fix: ${clean(firstSentence(f.remediation))}`));
  return lines;
}

/** The top attack paths lead: score, title, then one indented line per step with its file:line. */
function pathsSection(report: Report, paint: (code: string, text: string) => string): string[] {
  const top = topPaths(report);
  if (!top.length) return [];
  const out = [`ATTACK PATHS (${report.paths!.items.length + (report.paths!.omitted ?? 0)})`];
  for (const p of top) {
    out.push(`  ${paint(COLORS[p.severity], `[${p.score}] ${p.severity}`)}  ${clean(p.title)}  ${paint(DIM, p.ruleId)}`);
    p.steps.forEach((s, i) => {
      const place = stepPlace(s.location);
      out.push(`    ${i === 0 ? '  ' : '→ '}${clean(s.assetName)}${place ? `  ${paint(DIM, clean(place))}` : ''}`);
    });
  }
  const more = morePaths(report);
  if (more) out.push(`  … ${more} more (see --format json)`);
  out.push('');
  return out;
}

function notesSection(notes: Note[]): string[] {
  // Info notes (e.g. "file over the read budget, streamed") are routine; warnings and errors are shown.
  const shown = notes.filter((n) => n.level !== 'info');
  if (!shown.length) return [];
  const out = [`Notes (${shown.length}):`];
  for (const n of shown.slice(0, MAX_NOTES)) out.push(`  [${n.level}] ${n.path ? `${clean(n.path)}: ` : ''}${clean(n.message)}`);
  if (shown.length > MAX_NOTES) out.push(`  … ${shown.length - MAX_NOTES} more (see --format json)`);
  out.push('');
  return out;
}

function suppressedSection(report: Report): string[] {
  if (!report.suppressed.length) return [];
  const out = [`Suppressed (${report.suppressed.length}):`];
  for (const s of report.suppressed.slice(0, MAX_NOTES)) {
    const why = s.reason ? ` — ${clean(s.reason)}` : '';
    out.push(`  ${s.finding.ruleId}  ${clean(formatLocation(s.finding))}  [${s.by}${s.expires ? `, until ${s.expires}` : ''}]${why}`);
  }
  if (report.suppressed.length > MAX_NOTES) out.push(`  … ${report.suppressed.length - MAX_NOTES} more (see --format json)`);
  out.push('');
  return out;
}

/** A few lines of AI inventory (counts by kind, notable assets) above the summary line. */
function inventorySection(report: Report): string[] {
  const unread = unreadEcosystemsLine(report.notes);
  const lines = [...(report.assets.length ? inventorySummary(report.assets) : []), ...(unread ? [unread] : [])];
  return lines.length ? [...lines.map(clean), ''] : [];
}

/** A step of an attack path says so (path findings themselves are the paths listed above). */
export function onPathsText(f: Finding): string {
  const n = f.ruleId.startsWith('path/') ? 0 : (f.onPaths?.length ?? 0);
  return n ? `  [on ${n} attack ${n === 1 ? 'path' : 'paths'}]` : '';
}

export function formatLocation(f: Finding): string {
  const l = f.location;
  let s = l.path ?? l.url ?? (l.eventIds?.length ? `event ${l.eventIds[0]}` : '');
  if (l.member) s += ` → ${l.member}`;
  if (l.startLine) s += `:${l.startLine}`;
  return s;
}

export function summaryLine(report: Report): string {
  const s = summarize(report);
  const counts = SEVERITIES.map((sev) => `${sev}: ${s.bySeverity[sev]}`).join(', ');
  const extra = [suppressedText(s), s.expiredIgnores ? `${s.expiredIgnores} expired ignore ${s.expiredIgnores === 1 ? 'entry' : 'entries'}` : '']
    .filter(Boolean)
    .join('; ');
  const unit = report.target.type === 'endpoints' ? 'endpoint' : 'file';
  return `Findings: ${s.findings} (${counts})${extra ? `; ${extra}` : ''} — ${s.files} ${s.files === 1 ? unit : `${unit}s`}, ${formatBytes(s.bytes)} in ${s.durationMs} ms`;
}


/** The table shows the first sentence of the fix (the whole text is in every other format). */
export function firstSentence(s: string, max = 200): string {
  // The first line, with the lines a hard-wrapped sentence continues on (not a blank line, not a
  // list item) joined to it: a rule's text may break mid-sentence.
  const line = s.trim().replace(/[ \t]*\n[ \t]*(?![\n\-*•]|\d+[.)]\s)/g, ' ').split('\n')[0].trim();
  const sentence = /^(.+?[.!?])(?=\s|$)/.exec(line)?.[1] ?? line;
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;
}

/** Scanned text in the table: see safe-text.ts (control and bidi characters neutralised). */
export function clean(s: string): string {
  return neutralise(s);
}
