/**
 * The attack-path enricher: after every analyzer and the other enrichers (advisories, the BOM graph),
 * it builds the graph of the whole scan, finds the paths, reports each as a finding of its `path/...`
 * rule (asset = the target, location = where the attacker gets in, evidence = the step chain), marks
 * every finding that is a step (`onPaths`), and hands the versioned `paths` section to the report.
 */
import type { Enricher } from '../core/analyzer.js';
import { assignOccurrences, makeFinding } from '../core/finding.js';
import type { Asset, AttackPath, Finding, Note, PathsSection } from '../core/model.js';
import { findPaths, MAX_PATHS, MAX_PATHS_PER_RULE, toAttackPaths } from './find.js';
import { buildGraph, type Graph } from './graph.js';
import { PATH_RULES } from './rules/index.js';

const RULE_BY_ID = new Map(PATH_RULES.map((r) => [r.meta.id, r]));

export interface AttackPathResult {
  paths: PathsSection;
  findings: Finding[];
  notes: Note[];
  /** Virtual nodes a reported path goes through (a provider account a key opens, a node), as assets. */
  assets: Asset[];
}

/** Pure: the paths of a scan. Sets `onPaths` on the step findings it is given (they are the scan's own). */
export function attackPaths(assets: readonly Asset[], findings: Finding[], opts: { maxPaths?: number; maxPathsPerRule?: number; maxEdgeVisits?: number } = {}): AttackPathResult {
  // Steps cite stable fingerprints: fix occurrence indexes first (idempotent).
  assignOccurrences(findings);
  const g = buildGraph(assets, findings);
  const { walks, truncated } = findPaths(g, opts);
  const { items, omitted } = toAttackPaths(g, walks, opts.maxPaths ?? MAX_PATHS, opts.maxPathsPerRule ?? MAX_PATHS_PER_RULE);
  const byFingerprint = new Map<string, Finding>();
  for (const f of findings) if (!byFingerprint.has(f.stableFingerprint ?? f.fingerprint)) byFingerprint.set(f.stableFingerprint ?? f.fingerprint, f);
  for (const p of items) {
    for (const s of p.steps) {
      const f = s.finding && byFingerprint.get(s.finding.fingerprint);
      if (f && !f.onPaths?.includes(p.id)) f.onPaths = [...(f.onPaths ?? []), p.id];
    }
  }
  const notes: Note[] = [];
  if (truncated) notes.push({ level: 'warning', source: 'attack-paths', message: 'attack paths: work budget reached; some entries were not followed' });
  if (omitted) notes.push({ level: 'info', source: 'attack-paths', message: `${omitted} more attack paths not listed (at most ${opts.maxPaths ?? MAX_PATHS} per report and ${opts.maxPathsPerRule ?? MAX_PATHS_PER_RULE} per rule; the highest scores are kept)` });
  return { paths: { version: 1, items, ...(omitted ? { omitted } : {}) }, findings: items.map(pathFinding), notes, assets: virtualAssets(g, items) };
}

/**
 * Every step names an asset of the report: virtual nodes on a reported path become assets, seen where
 * the step before them was. A provider account is inventory (a key for it was found); a node is only a
 * graph node (confidence 0, kept by the scan only while a path goes through it).
 */
function virtualAssets(g: Graph, items: AttackPath[]): Asset[] {
  const out = new Map<string, Asset>();
  for (const p of items) {
    p.steps.forEach((s, i) => {
      const node = g.index.get(s.assetId);
      if (node === undefined || g.assets[node] || out.has(s.assetId)) return;
      const prev = p.steps[i - 1]?.location;
      const provider = s.assetKind === 'llm-provider';
      out.set(s.assetId, {
        id: s.assetId, kind: s.assetKind, name: s.assetName, locations: prev ? [prev] : [],
        properties: provider ? { provider: s.assetName, via: 'attack-path' } : { virtual: true, via: 'attack-path' },
        relations: [], confidence: provider ? 0.5 : 0,
      });
    });
  }
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The finding of a path: its rule, the target's asset, the entry's place, the chain as evidence. */
export function pathFinding(p: AttackPath): Finding {
  const rule = RULE_BY_ID.get(p.ruleId)!;
  const entry = p.steps[0];
  const chain = p.steps.map((s) => `${s.assetName}${s.finding ? ` [${s.finding.ruleId}]` : ''}`).join(' → ');
  const f = makeFinding(rule.meta, {
    location: entry.location ?? {},
    message: `Attack path (score ${p.score}): ${p.steps.map((s) => s.assetName).join(' → ')}. ${entry.description}`,
    evidence: chain,
    severity: p.severity,
    assetId: p.target.assetId,
    fingerprintSalt: p.id,
    title: p.title,
    properties: { pathId: p.id, score: p.score, entryKind: p.entry.kind, targetKind: p.target.kind, steps: p.steps.length, ...(p.variants ? { variants: p.variants } : {}) },
  });
  f.onPaths = [p.id];
  return f;
}

export const pathsEnricher: Enricher = {
  name: 'attack-paths',
  rules: PATH_RULES.map((r) => r.meta),
  enrich({ assets, findings }) {
    const res = attackPaths(assets, findings);
    return { findings: res.findings, notes: res.notes, paths: res.paths, assets: res.assets };
  },
};
