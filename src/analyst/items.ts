/**
 * The ranked triage as data (the MCP `triage` tool's structured result, and what a harness checks):
 * the same order and the same findings as the text of `triageText`, one entry per item. Scanned text
 * (titles that name assets, file paths) is neutralised and cut as in the text.
 */
import type { Report, Severity } from '../core/model.js';
import { severityRank } from '../core/severity.js';
import { clip } from './narrative.js';
import { findingId, rank, where, type RankedItem } from './rank.js';

export interface TriageItemFinding {
  /** The finding's id (stable fingerprint): `show_finding` / `aigis explain --finding` take it. */
  id: string;
  ruleId: string;
  severity: Severity;
  /** `file:line` (or URL, event id), empty when the finding has no location. */
  where: string;
}

export interface TriageItem {
  /** 1-based position in the ranking. */
  rank: number;
  kind: 'path' | 'rule';
  /** The attack path id for a path, the rule id for a group of findings. */
  id: string;
  ruleId: string;
  severity: Severity;
  /** Paths only: 0..100. */
  score?: number;
  title: string;
  /** Paths only: the entry and target kinds and the number of steps. */
  entry?: string;
  target?: string;
  steps?: number;
  /** Paths only: ids of the paths folded into this item (the same route from other places). */
  similarPaths?: string[];
  /** The findings to change (for a group, at most MAX_FINDINGS; `findingsTotal` says how many there are). */
  findings: TriageItemFinding[];
  findingsTotal: number;
}

const MAX_FINDINGS = 20;

function worst(item: RankedItem): Severity {
  if (item.kind === 'path') return item.path.severity;
  return item.findings.reduce((a, f) => (severityRank(f.severity) > severityRank(a) ? f.severity : a), item.findings[0].severity);
}

/** The first `top` items of the ranking (all when `top` is not given), as data, and how many there are. */
export function triageItems(report: Report, top?: number): { total: number; items: TriageItem[] } {
  const all = rank(report);
  const shown = top === undefined ? all : all.slice(0, Math.max(1, top));
  const items = shown.map((item, i): TriageItem => {
    const fs = item.findings.slice(0, MAX_FINDINGS).map((f) => ({ id: findingId(f), ruleId: f.ruleId, severity: f.severity, where: clip(where(f.location), 200) }));
    if (item.kind === 'path') {
      const p = item.path;
      return { rank: i + 1, kind: 'path', id: p.id, ruleId: p.ruleId, severity: worst(item), score: p.score, title: clip(p.title, 300), entry: p.entry.kind, target: p.target.kind, steps: p.steps.length, ...(item.similar?.length ? { similarPaths: item.similar.map((q) => q.id) } : {}), findings: fs, findingsTotal: item.findings.length };
    }
    return { rank: i + 1, kind: 'rule', id: item.ruleId, ruleId: item.ruleId, severity: worst(item), title: clip(item.rule?.title ?? item.findings[0].title, 300), findings: fs, findingsTotal: item.findings.length };
  });
  return { total: all.length, items };
}
