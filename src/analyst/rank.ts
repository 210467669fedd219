/**
 * What to fix first, from a report alone (no I/O): attack paths first (highest score first, they
 * chain findings into a reachable target), then the findings on no path, grouped by rule and ordered by
 * severity and confidence. The same report always gives the same order.
 */
import type { AttackPath, Finding, Location, Report, RuleMeta } from '../core/model.js';
import { severityRank } from '../core/severity.js';

export interface RankedPath {
  kind: 'path';
  path: AttackPath;
  /** Findings that are steps of the path (and of `similar`), in step order (each once). */
  findings: Finding[];
  /**
   * Lower-ranked paths that differ from `path` only where they start: the same rule, target and
   * steps from an entry asset of the same name and kind (one kind of key leaked in several files).
   * One item, so the same route does not fill the list; breaking each entry is still a change.
   */
  similar?: AttackPath[];
}

export interface RankedGroup {
  kind: 'rule';
  ruleId: string;
  rule?: RuleMeta;
  /** Findings of this rule on no attack path, by file and line. */
  findings: Finding[];
}

export type RankedItem = RankedPath | RankedGroup;

const CONFIDENCE: Record<string, number> = { high: 2, medium: 1, low: 0 };

/** A finding's id for users: its stable fingerprint (its line-based fingerprint when older reports lack one). */
export function findingId(f: Finding): string {
  return f.stableFingerprint ?? f.fingerprint;
}

export function sortedPaths(report: Report): AttackPath[] {
  return [...(report.paths?.items ?? [])].sort((a, b) => b.score - a.score || severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id, 'en'));
}

export function compareLocations(a: Location, b: Location): number {
  return (a.path ?? a.url ?? '').localeCompare(b.path ?? b.url ?? '', 'en') || (a.startLine ?? 0) - (b.startLine ?? 0);
}

/** The findings a path's steps name, matched by stable fingerprint (or fingerprint) and rule. */
export function pathFindings(report: Report, path: AttackPath): Finding[] {
  const out: Finding[] = [];
  for (const step of path.steps) {
    if (!step.finding) continue;
    const f = report.findings.find((x) => x.ruleId === step.finding!.ruleId && (x.stableFingerprint === step.finding!.fingerprint || x.fingerprint === step.finding!.fingerprint));
    if (f && !out.includes(f)) out.push(f);
  }
  for (const f of report.findings) if (f.onPaths?.includes(path.id) && !out.includes(f) && f.ruleId !== path.ruleId) out.push(f);
  return out;
}

export function rank(report: Report): RankedItem[] {
  const items: RankedItem[] = [];
  const onPath = new Set<Finding>();
  const paths = sortedPaths(report);
  const pathRules = new Set(paths.map((p) => p.ruleId));
  const byShape = new Map<string, RankedPath>();
  for (const p of paths) {
    const findings = pathFindings(report, p);
    findings.forEach((f) => onPath.add(f));
    const key = shape(p);
    const first = byShape.get(key);
    if (first) {
      (first.similar ??= []).push(p);
      for (const f of findings) if (!first.findings.includes(f)) first.findings.push(f);
      continue;
    }
    const item: RankedPath = { kind: 'path', path: p, findings };
    byShape.set(key, item);
    items.push(item);
  }
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    // A path is also reported as a finding of its path/ rule: the path item already covers it.
    if (onPath.has(f) || (f.onPaths?.length ?? 0) > 0 || pathRules.has(f.ruleId)) continue;
    const list = groups.get(f.ruleId) ?? [];
    list.push(f);
    groups.set(f.ruleId, list);
  }
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const worst = (fs: Finding[]) => Math.max(...fs.map((f) => severityRank(f.severity)));
  const conf = (fs: Finding[]) => Math.max(...fs.map((f) => CONFIDENCE[f.confidence ?? 'medium'] ?? 1));
  const ruleItems = [...groups.entries()]
    .map(([ruleId, fs]): RankedGroup => ({ kind: 'rule', ruleId, rule: rules.get(ruleId), findings: fs.sort((a, b) => compareLocations(a.location, b.location) || findingId(a).localeCompare(findingId(b), 'en')) }))
    .sort((a, b) => worst(b.findings) - worst(a.findings) || conf(b.findings) - conf(a.findings) || b.findings.length - a.findings.length || a.ruleId.localeCompare(b.ruleId, 'en'));
  return [...items, ...ruleItems];
}

/** What two paths share when they differ only in where they start (see RankedPath.similar). */
function shape(p: AttackPath): string {
  const [entry, ...rest] = p.steps;
  return JSON.stringify([p.ruleId, p.target.assetId, entry?.assetKind, entry?.assetName, entry?.finding?.ruleId, rest.map((s) => [s.role, s.assetId, s.via])]);
}

/** A finding by its stable fingerprint, its fingerprint, or a unique prefix of either (8+ characters). */
export function lookupFinding(report: Report, id: string): Finding | undefined {
  const all = report.findings;
  const exact = all.find((f) => f.stableFingerprint === id || f.fingerprint === id);
  if (exact || id.length < 8) return exact;
  const hits = all.filter((f) => f.stableFingerprint?.startsWith(id) || f.fingerprint.startsWith(id));
  return hits.length === 1 ? hits[0] : undefined;
}

export function lookupPath(report: Report, id: string): AttackPath | undefined {
  return report.paths?.items.find((p) => p.id === id);
}

export function where(loc: Location | undefined): string {
  if (!loc) return '';
  if (loc.path) return `${loc.path}${loc.member ? `!${loc.member}` : ''}${loc.startLine ? `:${loc.startLine}` : ''}`;
  if (loc.url) return loc.url;
  if (loc.eventIds?.length) return `event ${loc.eventIds[0]}${loc.eventIds.length > 1 ? ` (+${loc.eventIds.length - 1})` : ''}`;
  return '';
}
