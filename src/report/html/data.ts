/**
 * The data the report page's script renders the findings table from, and how it is embedded:
 * JSON in a `<script type="application/json">` block (never executed), with `<`, `>`, `&` and the
 * two JavaScript line separators written as \\u escapes, so `</script>` in scanned text cannot end
 * the block and the text stays valid JSON. The page reads it with JSON.parse, never eval.
 */
import type { Finding, Report } from '../../core/model.js';
import { severityRank } from '../../core/severity.js';
import { referenceLinks } from '../references.js';
import { neutralise } from '../safe-text.js';
import { formatLocation } from '../table.js';

export interface FindingRow {
  severity: Finding['severity'];
  /** critical 4 … info 0, for sorting. */
  rank: number;
  ruleId: string;
  category: string;
  title: string;
  message: string;
  location: string;
  evidence?: string;
  remediation: string;
  references: { label: string; url: string }[];
  assetId?: string;
  onPaths?: string[];
}

export interface PageData {
  findings: FindingRow[];
}

export function pageData(report: Report): PageData {
  return { findings: report.findings.map(row) };
}

function row(f: Finding): FindingRow {
  // Scanned text is neutralised (controls, bidi); the page puts every string in with textContent.
  return {
    severity: f.severity,
    rank: severityRank(f.severity),
    ruleId: f.ruleId,
    category: f.category,
    title: neutralise(f.title),
    message: neutralise(f.message),
    location: neutralise(formatLocation(f)),
    ...(f.evidence ? { evidence: neutralise(f.evidence) } : {}),
    remediation: f.remediation,
    // Only web links are made clickable (no javascript:, data: or file: URLs from advisory text).
    references: referenceLinks(f.references).filter((l) => /^https?:\/\//i.test(l.url)),
    ...(f.assetId ? { assetId: neutralise(f.assetId) } : {}),
    ...(f.onPaths?.length ? { onPaths: f.onPaths } : {}),
  };
}

const UNSAFE_IN_SCRIPT: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** JSON that can sit inside <script type="application/json"> whatever the strings hold. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE_IN_SCRIPT[c]);
}
