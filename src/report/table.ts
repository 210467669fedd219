import type { Finding, Report, Severity } from '../core/model.js';
import { SEVERITIES } from '../core/severity.js';
import type { Formatter } from './formatter.js';

const COLORS: Record<Severity, string> = { critical: '\x1b[1;31m', high: '\x1b[31m', medium: '\x1b[33m', low: '\x1b[36m', info: '\x1b[37m' };
const RESET = '\x1b[0m';

/** Human-readable report grouped by severity, with summary counts. Colour only when asked (TTY). */
export const table: Formatter = (report, ctx) => {
  const paint = (s: Severity, text: string) => (ctx.color ? `${COLORS[s]}${text}${RESET}` : text);
  const out: string[] = [];
  out.push(`aigis ${report.tool.version} — ${report.command} ${report.target.name} (${report.target.type})`);
  out.push('');
  for (const sev of SEVERITIES) {
    const group = report.findings.filter((f) => f.severity === sev);
    if (!group.length) continue;
    out.push(paint(sev, `${sev.toUpperCase()} (${group.length})`));
    for (const f of group) out.push(...findingLines(f));
    out.push('');
  }
  if (!report.findings.length) out.push('No findings.', '');
  const errors = report.notes.filter((n) => n.level !== 'info');
  if (errors.length) {
    out.push(`Notes (${errors.length}):`);
    for (const n of errors.slice(0, 50)) out.push(`  [${n.level}] ${n.path ?? ''}${n.path ? ': ' : ''}${n.message}`);
    if (errors.length > 50) out.push(`  … ${errors.length - 50} more (see --format json)`);
    out.push('');
  }
  out.push(summaryLine(report));
  return out.join('\n') + '\n';
};

function findingLines(f: Finding): string[] {
  const where = formatLocation(f);
  const lines = [`  ${f.ruleId}  ${where}`, `    ${f.message}`];
  if (f.evidence) lines.push(`    evidence: ${f.evidence}`);
  lines.push(`    fix: ${f.remediation.split('\n')[0]}`);
  return lines;
}

export function formatLocation(f: Finding): string {
  const l = f.location;
  let s = l.path ?? l.url ?? (l.eventIds?.length ? `event ${l.eventIds[0]}` : '');
  if (l.member) s += ` → ${l.member}`;
  if (l.startLine) s += `:${l.startLine}`;
  return s;
}

export function summaryLine(report: Report): string {
  const counts = SEVERITIES.map((s) => `${s}: ${report.findings.filter((f) => f.severity === s).length}`).join(', ');
  const sup = report.suppressed.length ? `, suppressed: ${report.suppressed.length}` : '';
  return `Findings: ${report.findings.length} (${counts}${sup}) — ${report.stats.files} files, ${formatBytes(report.stats.bytes)} in ${report.stats.durationMs} ms`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
