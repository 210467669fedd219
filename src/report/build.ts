import { assignOccurrences } from '../core/finding.js';
import type { Asset, Finding, Note, PathsSection, Report, TargetType } from '../core/model.js';
import { severityRank } from '../core/severity.js';
import type { PipelineResult } from '../pipeline/scan.js';
import { redactSecretsIn } from '../secrets/redact-text.js';
import { VERSION } from '../version.js';
import { orderAssets } from './asset-order.js';
import { localeOrder } from '../core/text.js';

/**
 * Findings kept per rule and per report. A hostile target (300,000 overlapping zip entries) can
 * yield hundreds of thousands of findings; past these caps the rest are counted in a note, so the
 * report stays renderable (no `RangeError: Invalid string length`) and the most severe are kept.
 */
export const MAX_FINDINGS_PER_RULE = 1000;
export const MAX_FINDINGS = 10_000;
export const MAX_NOTES = 10_000;

/**
 * Assembles the Report that every formatter renders; findings sorted most severe first, then by place.
 * Everything scanned content can reach passes through here once: credentials in asset properties,
 * notes and finding text are redacted (secrets/redact-text.ts), and floods are capped with a counted note.
 */
export function buildReport(command: string, target: { name: string; type: TargetType }, result: PipelineResult): Report {
  assignOccurrences([...result.findings, ...result.suppressed.map((s) => s.finding)]);
  const sorted = [...result.findings].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      localeOrder(a.location.path ?? '', b.location.path ?? '') ||
      (a.location.startLine ?? 0) - (b.location.startLine ?? 0) ||
      localeOrder(a.ruleId, b.ruleId),
  );
  const capNotes: Note[] = [];
  const findings = capFindings(sorted, capNotes);
  const suppressed = result.suppressed.slice(0, MAX_FINDINGS);
  if (result.suppressed.length > suppressed.length) capNotes.push(capNote(`${result.suppressed.length - suppressed.length} more suppressed findings not listed (at most ${MAX_FINDINGS} per report)`));
  let notes = result.notes;
  if (notes.length > MAX_NOTES) notes = [...notes.slice(0, MAX_NOTES), capNote(`${notes.length - MAX_NOTES} more notes not listed (at most ${MAX_NOTES} per report)`)];
  const redact = memoised(redactSecretsIn);
  return {
    schemaVersion: 1,
    tool: { name: 'aigis', version: VERSION },
    command,
    target,
    createdAt: new Date().toISOString(),
    findings: findings.map((f) => redactFinding(f, redact)),
    suppressed: suppressed.map((s) => ({ ...s, finding: redactFinding(s.finding, redact) })),
    assets: orderAssets(result.assets).map((a) => redactDeep(a, redact) as Asset),
    notes: [...notes, ...capNotes].map((n) => ({ ...n, message: redact(n.message), ...(n.path !== undefined ? { path: redact(n.path) } : {}) })),
    stats: result.stats,
    rules: result.rules,
    ...(result.paths ? { paths: redactPaths(result.paths, redact) } : {}),
  };
}

/** Step names, descriptions and places come from scanned content: redacted like finding text. */
function redactPaths(section: PathsSection, redact: (s: string) => string): PathsSection {
  return {
    ...section,
    items: section.items.map((p) => ({
      ...p,
      title: redact(p.title),
      steps: p.steps.map((s) => ({
        ...s,
        assetName: redact(s.assetName),
        description: redact(s.description),
        ...(s.location ? { location: { ...s.location, ...(s.location.path !== undefined ? { path: redact(s.location.path) } : {}), ...(s.location.url !== undefined ? { url: redact(s.location.url) } : {}) } } : {}),
      })),
    })),
  };
}

function capFindings(sorted: Finding[], notes: Note[]): Finding[] {
  const perRule = new Map<string, number>();
  const dropped = new Map<string, number>();
  const kept: Finding[] = [];
  let overall = 0;
  for (const f of sorted) {
    const n = perRule.get(f.ruleId) ?? 0;
    if (n >= MAX_FINDINGS_PER_RULE) {
      dropped.set(f.ruleId, (dropped.get(f.ruleId) ?? 0) + 1);
      continue;
    }
    if (kept.length >= MAX_FINDINGS) {
      overall++;
      continue;
    }
    perRule.set(f.ruleId, n + 1);
    kept.push(f);
  }
  for (const [rule, count] of [...dropped].sort((a, b) => localeOrder(a[0], b[0]))) {
    notes.push(capNote(`${count} more ${rule} findings not listed (at most ${MAX_FINDINGS_PER_RULE} per rule; the most severe are kept)`));
  }
  if (overall) notes.push(capNote(`${overall} more findings not listed (at most ${MAX_FINDINGS} per report; the most severe are kept)`));
  return kept;
}

function capNote(message: string): Note {
  return { level: 'warning', message, source: 'report' };
}

/** Scanned text in a finding; metadata from the rule (ids, remediation, references) is ours and left alone. */
function redactFinding(f: Finding, redact: (s: string) => string): Finding {
  return {
    ...f,
    message: redact(f.message),
    ...(f.evidence !== undefined ? { evidence: redact(f.evidence) } : {}),
    ...(f.location.url !== undefined ? { location: { ...f.location, url: redact(f.location.url) } } : {}),
    ...(f.properties !== undefined ? { properties: redactDeep(f.properties, redact) as Record<string, unknown> } : {}),
  };
}

/** Every string inside a JSON-like value; keys are property names of ours and stay as they are. */
function redactDeep(value: unknown, redact: (s: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact, depth + 1));
  // Object.keys, not Object.entries: the same keys in the same order, without a pair array per key.
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const k of Object.keys(record)) out[k] = redactDeep(record[k], redact, depth + 1);
  return out;
}

/** Asset ids, names and paths repeat across relations and locations: redact each distinct string once. */
function memoised(fn: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let r = cache.get(s);
    if (r === undefined) {
      r = fn(s);
      if (cache.size < 200_000) cache.set(s, r);
    }
    return r;
  };
}
