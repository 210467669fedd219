import type { Finding, Note, Report, Severity, SuppressedFinding } from '../core/model.js';
import { SEVERITIES } from '../core/severity.js';
import { EXPIRED_IGNORE_SOURCE } from '../suppress/expired.js';

/** Counts shared by every format, so that table, markdown, SARIF and JSON agree. */
export interface ReportSummary {
  findings: number;
  bySeverity: Record<Severity, number>;
  suppressed: number;
  suppressedBy: Record<SuppressedFinding['by'], number>;
  /** Ignore entries that expired and no longer suppress anything. */
  expiredIgnores: number;
  notes: Record<Note['level'], number>;
  assets: number;
  files: number;
  bytes: number;
  durationMs: number;
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const out = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) out[f.severity]++;
  return out;
}

export function summarize(report: Report): ReportSummary {
  const suppressedBy: Record<SuppressedFinding['by'], number> = { inline: 0, 'ignore-file': 0, config: 0 };
  for (const s of report.suppressed) suppressedBy[s.by]++;
  const notes: Record<Note['level'], number> = { error: 0, warning: 0, info: 0 };
  for (const n of report.notes) notes[n.level]++;
  return {
    findings: report.findings.length,
    bySeverity: countBySeverity(report.findings),
    suppressed: report.suppressed.length,
    suppressedBy,
    expiredIgnores: report.notes.filter(isExpiredIgnoreNote).length,
    notes,
    assets: report.assets.length,
    files: report.stats.files,
    bytes: report.stats.bytes,
    durationMs: report.stats.durationMs,
  };
}

export function isExpiredIgnoreNote(n: Note): boolean {
  return n.source === EXPIRED_IGNORE_SOURCE;
}

/** `2 suppressed (1 inline, 1 ignore file)` or '' when nothing was suppressed. */
export function suppressedText(s: ReportSummary): string {
  if (!s.suppressed) return '';
  const parts = (Object.entries(s.suppressedBy) as [string, number][])
    .filter(([, n]) => n > 0)
    .map(([by, n]) => `${n} ${by === 'ignore-file' ? 'ignore file' : by}`);
  return `${s.suppressed} suppressed (${parts.join(', ')})`;
}

export { formatBytes } from './bytes.js';
