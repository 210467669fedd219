import { unreadEcosystemsLine } from '../packages/unread.js';
import type { Finding, Report } from '../core/model.js';
import { SEVERITIES } from '../core/severity.js';
import { neutralise } from './safe-text.js';
import type { Formatter } from './formatter.js';
import { referenceLinks } from './references.js';
import { suppressedText, summarize } from './summary.js';
import { formatLocation, onPathsText } from './table.js';
import { groupFindings, placesText } from './group-findings.js';
import { morePaths, stepPlace, topPaths } from './paths.js';

/**
 * GitHub limits a PR comment to 65,536 characters (a step summary to 1 MiB): rows and details are
 * added while they fit in BUDGET, leaving room for the closing lines; the full list is in JSON/SARIF.
 */
const BUDGET = 60_000;
const MAX_ROWS = 100;
const MAX_DETAILS = 50;
/** Longest scanned text put in one cell. */
const MAX_CELL = 400;
const ICON: Record<string, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', info: '⬜' };

/** Lines with a running character count, so sections stop before the comment limit. */
class Sink {
  readonly lines: string[] = [];
  private size = 0;
  fits(lines: string[]): boolean {
    return this.size + length(lines) <= BUDGET;
  }
  add(...lines: string[]): void {
    this.lines.push(...lines);
    this.size += length(lines);
  }
}

function length(lines: string[]): number {
  return lines.reduce((n, l) => n + l.length + 1, 0);
}

/**
 * Markdown for PR comments and `$GITHUB_STEP_SUMMARY`: summary by severity, a findings table,
 * collapsible details with remediation, suppressed findings and notes. Every piece of scanned text is
 * escaped (pipes, backticks, HTML, newlines, @mentions) so a hostile file name cannot break the table or inject markup.
 */
export const markdown: Formatter = (report) => {
  const s = summarize(report);
  const out = new Sink();
  out.add(`### aigis ${esc(report.command)}: ${esc(clip(report.target.name))}`, '');
  out.add('| Severity | Findings |', '|---|---:|');
  for (const sev of SEVERITIES) out.add(`| ${ICON[sev]} ${sev} | ${s.bySeverity[sev]} |`);
  out.add(`| **total** | **${s.findings}** |`, '');
  const extra = [
    s.suppressed ? `**${suppressedText(s)}**` : 'No suppressed findings',
    s.expiredIgnores ? `⚠️ ${s.expiredIgnores} expired ignore ${s.expiredIgnores === 1 ? 'entry' : 'entries'} (no longer suppressing)` : '',
    s.notes.error + s.notes.warning ? `${s.notes.error} error and ${s.notes.warning} warning notes` : '',
    `${s.files} ${s.files === 1 ? 'file' : 'files'} scanned`,
  ].filter(Boolean);
  out.add(extra.join(' · '), '');
  const paths = pathsSection(report);
  if (out.fits(paths)) out.add(...paths);

  if (!report.findings.length) {
    out.add('No findings. ✅', '');
  } else {
    out.add('| Severity | Rule | Location | Message |', '|---|---|---|---|');
    // One row per advisory and package version, with every place it was seen (see group-findings.ts).
    const groups = groupFindings(report.findings);
    let rows = 0;
    let shown = 0;
    for (const g of groups.slice(0, MAX_ROWS)) {
      const f = g.finding;
      const on = onPathsText(f).trim();
      const row = `| ${ICON[f.severity]} ${f.severity} | ${code(f.ruleId)} | ${code(clip(placesText(g, formatLocation)))} | ${on ? `**${on.slice(1, -1)}** · ` : ''}${esc(clip(f.message))} |`;
      if (!out.fits([row])) break;
      out.add(row);
      rows++;
      shown += g.all.length;
    }
    if (report.findings.length > shown) out.add('', `… and ${report.findings.length - shown} more findings (see the SARIF or JSON report).`);
    out.add('');
    for (const f of groups.slice(0, Math.min(rows, MAX_DETAILS)).map((g) => g.finding)) {
      const block = details(f);
      if (!out.fits(block)) break;
      out.add(...block);
    }
  }

  if (report.suppressed.length) {
    out.add(`<details><summary>Suppressed (${report.suppressed.length})</summary>`, '');
    out.add('| Rule | Location | By | Reason |', '|---|---|---|---|');
    let rows = 0;
    for (const sup of report.suppressed.slice(0, MAX_ROWS)) {
      const until = sup.expires ? ` (until ${sup.expires})` : '';
      const row = `| ${code(sup.finding.ruleId)} | ${code(clip(formatLocation(sup.finding)))} | ${sup.by}${until} | ${esc(clip(sup.reason ?? ''))} |`;
      if (!out.fits([row])) break;
      out.add(row);
      rows++;
    }
    if (report.suppressed.length > rows) out.add('', `… and ${report.suppressed.length - rows} more.`);
    out.add('', '</details>', '');
  }

  const unread = unreadEcosystemsLine(report.notes);
  if (unread && out.fits([unread])) out.add(esc(clip(unread)), '');

  const issues = report.notes.filter((n) => n.level !== 'info');
  if (issues.length) {
    out.add('<details><summary>Notes (' + issues.length + ')</summary>', '');
    let shown = 0;
    for (const n of issues.slice(0, MAX_ROWS)) {
      const line = `- **${n.level}** ${n.path ? `${code(clip(n.path))}: ` : ''}${esc(clip(n.message))}`;
      if (!out.fits([line])) break;
      out.add(line);
      shown++;
    }
    if (issues.length > shown) out.add(`- … and ${issues.length - shown} more.`);
    out.add('', '</details>', '');
  }
  return out.lines.join('\n') + '\n';
};

/** The top attack paths, before the findings: score, severity, title, then entry → … → target with file:line. */
function pathsSection(report: Report): string[] {
  const top = topPaths(report);
  if (!top.length) return [];
  const out = [`#### Top attack paths (${report.paths!.items.length + (report.paths!.omitted ?? 0)})`, ''];
  top.forEach((p, i) => {
    out.push(`${i + 1}. ${ICON[p.severity]} **${p.score}** · ${esc(clip(p.title))} ${code(p.ruleId, false)}${p.variants ? ` (+${p.variants} similar)` : ''}`);
    const steps = p.steps.map((s) => `${esc(clip(s.assetName))}${stepPlace(s.location) ? ` ${code(clip(stepPlace(s.location)), false)}` : ''}`);
    out.push(`   ${steps.join(' → ')}`);
  });
  const more = morePaths(report);
  if (more) out.push('', `… and ${more} more paths (see the JSON or SARIF report).`);
  out.push('');
  return out;
}

function clip(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

function details(f: Finding): string[] {
  const out: string[] = [];
  out.push(`<details><summary>${escHtml(f.severity)} · ${escHtml(f.ruleId)} · ${escHtml(clip(formatLocation(f)))}</summary>`, '');
  out.push(`**${esc(f.title)}**`, '', esc(f.message), '');
  if (f.evidence) out.push(`Evidence: ${code(clip(f.evidence), false)}`, '');
  out.push(`**Fix:** ${esc(f.remediation)}`, '');
  const links = referenceLinks(f.references);
  if (links.length) out.push(`References: ${links.map((l) => `[${esc(l.label)}](${safeUrl(l.url)})`).join(', ')}`, '');
  out.push('</details>', '');
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

/** Control and bidi characters (terminal escapes, NUL, U+202E) have no place in a PR comment: see safe-text.ts. */
function stripControl(text: string): string {
  return neutralise(text);
}

function safeUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url.replace(/[()\s<>]/g, encodeURIComponent) : '#';
}
