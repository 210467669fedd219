import type { Finding } from '../core/model.js';
import { SEVERITIES } from '../core/severity.js';
import type { Formatter } from './formatter.js';
import { referenceLinks } from './references.js';
import { suppressedText, summarize } from './summary.js';
import { formatLocation } from './table.js';

/** GitHub limits a PR comment to 65,536 characters; keep the findings table well under that. */
const MAX_ROWS = 100;
const MAX_DETAILS = 50;
const ICON: Record<string, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', info: '⬜' };

/**
 * Markdown for PR comments and `$GITHUB_STEP_SUMMARY`: summary by severity, a findings table,
 * collapsible details with remediation, and the suppressed count. Every piece of scanned text is
 * escaped (pipes, backticks, HTML, newlines) so a hostile file name cannot break the table or inject markup.
 */
export const markdown: Formatter = (report) => {
  const s = summarize(report);
  const out: string[] = [];
  out.push(`### aigis ${esc(report.command)}: ${esc(report.target.name)}`, '');
  out.push('| Severity | Findings |', '|---|---:|');
  for (const sev of SEVERITIES) out.push(`| ${ICON[sev]} ${sev} | ${s.bySeverity[sev]} |`);
  out.push(`| **total** | **${s.findings}** |`, '');
  const extra = [
    s.suppressed ? `**${suppressedText(s)}**` : 'No suppressed findings',
    s.expiredIgnores ? `⚠️ ${s.expiredIgnores} expired ignore ${s.expiredIgnores === 1 ? 'entry' : 'entries'} (no longer suppressing)` : '',
    s.notes.error + s.notes.warning ? `${s.notes.error} error and ${s.notes.warning} warning notes` : '',
    `${s.files} files scanned`,
  ].filter(Boolean);
  out.push(extra.join(' · '), '');

  if (!report.findings.length) {
    out.push('No findings. ✅', '');
  } else {
    out.push('| Severity | Rule | Location | Message |', '|---|---|---|---|');
    for (const f of report.findings.slice(0, MAX_ROWS)) {
      out.push(`| ${ICON[f.severity]} ${f.severity} | ${code(f.ruleId)} | ${code(formatLocation(f))} | ${esc(f.message)} |`);
    }
    if (report.findings.length > MAX_ROWS) out.push('', `… and ${report.findings.length - MAX_ROWS} more findings (see the SARIF or JSON report).`);
    out.push('');
    out.push(...details(report.findings.slice(0, MAX_DETAILS)));
  }

  if (report.suppressed.length) {
    out.push(`<details><summary>Suppressed (${report.suppressed.length})</summary>`, '');
    out.push('| Rule | Location | By | Reason |', '|---|---|---|---|');
    for (const sup of report.suppressed.slice(0, MAX_ROWS)) {
      const until = sup.expires ? ` (until ${sup.expires})` : '';
      out.push(`| ${code(sup.finding.ruleId)} | ${code(formatLocation(sup.finding))} | ${sup.by}${until} | ${esc(sup.reason ?? '')} |`);
    }
    out.push('', '</details>', '');
  }

  const issues = report.notes.filter((n) => n.level !== 'info');
  if (issues.length) {
    out.push('<details><summary>Notes (' + issues.length + ')</summary>', '');
    for (const n of issues.slice(0, MAX_ROWS)) out.push(`- **${n.level}** ${n.path ? `${code(n.path)}: ` : ''}${esc(n.message)}`);
    out.push('', '</details>', '');
  }
  return out.join('\n') + '\n';
};

function details(findings: Finding[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    out.push(`<details><summary>${escHtml(f.severity)} · ${escHtml(f.ruleId)} · ${escHtml(formatLocation(f))}</summary>`, '');
    out.push(`**${esc(f.title)}**`, '', esc(f.message), '');
    if (f.evidence) out.push(`Evidence: ${code(f.evidence, false)}`, '');
    out.push(`**Fix:** ${esc(f.remediation)}`, '');
    const links = referenceLinks(f.references);
    if (links.length) out.push(`References: ${links.map((l) => `[${esc(l.label)}](${safeUrl(l.url)})`).join(', ')}`, '');
    out.push('</details>', '');
  }
  return out;
}

/**
 * Escapes text for a markdown table cell or paragraph: HTML-significant characters become
 * entities, markdown punctuation gets a backslash, and newlines become spaces so a cell stays one row.
 */
export function esc(text: string): string {
  return stripControl(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`)
    // A zero-width space after @ stops GitHub from turning scanned text into @mentions (notifications).
    .replace(/@/g, '@\u200b')
    .replace(/\r?\n|\r/g, ' ');
}

/**
 * Inline code that cannot be broken out of: the fence is one backtick longer than the longest run
 * inside (CommonMark), pipes are escaped (GitHub splits table cells on `|` even inside code), and
 * HTML is neutralised by the code span itself.
 */
export function code(text: string, inTable = true): string {
  const oneLine = stripControl(text).replace(/\r?\n|\r/g, ' ');
  const t = inTable ? oneLine.replace(/\|/g, '\\|') : oneLine;
  if (!t) return '';
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** Inside raw HTML (`<summary>`) markdown escapes are not processed: only entities work there. */
export function escHtml(text: string): string {
  return stripControl(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/@/g, '@\u200b')
    .replace(/\r?\n|\r/g, ' ');
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Control characters (terminal escapes, NUL) have no place in a PR comment. */
function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

function safeUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url.replace(/[()\s<>]/g, encodeURIComponent) : '#';
}
