/**
 * The path engine: from every entry, a breadth-first walk over the edges an attacker can follow
 * (assume a role, use what a policy grants, read the credentials a workload holds, escape to the node;
 * against `loads` from a model to the workloads that load it) to every target it reaches. One path per
 * rule, entry asset and target asset (the shortest; the others are counted in `variants`); scored,
 * sorted and capped. Work is counted in edge visits (a budget, not a clock), so the result is the same
 * on every machine.
 */
import { createHash } from 'node:crypto';
import type { AssetKind, AttackPath, Finding, Location, PathStep, PathTargetKind, PathsSection, Severity } from '../core/model.js';
import { ESCAPE_RULES } from './edges/privileged-node.js';
import { findEntries, type Entry } from './entries.js';
import { findingsOf, relationCode, relationName, type Graph } from './graph.js';
import { PATH_RULES, type PathRule } from './rules/index.js';
import { TARGET_VALUE, targetKind } from './targets.js';

export const MAX_PATHS = 100;
/** Per rule, so that one kind (fifty leaked keys) cannot crowd the others out of the report. */
export const MAX_PATHS_PER_RULE = 25;
export const MAX_DEPTH = 7;
export const MAX_EDGE_VISITS = 5_000_000;

/** Kinds whose `uses` relations hand the attacker what they use (credentials in the environment). */
const HOLDERS = new Set<AssetKind>(['workload', 'ai-server', 'gpu-workload', 'secret', 'cloud-resource', 'ai-service', 'agent', 'mcp-server']);
const FORWARD = new Set((['assumes', 'grants', 'reads', 'writes', 'runs-on'] as const).map(relationCode));
const USES = relationCode('uses');
const LOADS = relationCode('loads');
const SERVES = relationCode('serves');
const RUNS_ON = relationCode('runs-on');

const ENTRY_EXPOSURE: Record<Entry['kind'], number> = {
  'internet-exposure': 1,
  'vulnerable-exposed-server': 0.95,
  'public-bucket': 0.95,
  'untrusted-ci-trigger': 0.9,
  'leaked-credential': 0.9,
  'unsafe-model-artifact': 0.75,
};
const EXPLOIT: Record<string, number> = { critical: 1, high: 0.95, medium: 0.9, low: 0.85, info: 0.8 };

export interface PathResult {
  section: PathsSection;
  /** One finding per reported path (rule `path/...`). */
  findings: Finding[];
  /** Set when the walk stopped at its work budget. */
  truncated: boolean;
}

interface Walk {
  entry: Entry;
  rule: PathRule;
  target: number;
  targetKind: PathTargetKind;
  /** Nodes from entry to target, and the relation code used to reach each (first: -1). */
  nodes: number[];
  vias: number[];
  reversed: boolean[];
  count: number;
}

export function findPaths(g: Graph, opts: { maxPaths?: number; maxEdgeVisits?: number } = {}): { walks: Walk[]; truncated: boolean; total: number } {
  const entries = findEntries(g).sort((a, b) => a.node - b.node || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  const budget = opts.maxEdgeVisits ?? MAX_EDGE_VISITS;
  let visits = 0;
  let truncated = false;
  const grouped = new Map<string, Walk>();
  for (const entry of entries) {
    if (visits > budget) {
      truncated = true;
      break;
    }
    // BFS with parent pointers and shortest-path counts (for `variants`).
    const parent = new Map<number, { from: number; via: number; rev: boolean }>();
    const dist = new Map<number, number>([[entry.node, 0]]);
    const count = new Map<number, number>([[entry.node, 1]]);
    let frontier = [entry.node];
    const reached: number[] = [];
    for (let depth = 0; depth < MAX_DEPTH && frontier.length; depth++) {
      const next: number[] = [];
      for (const u of frontier) {
        const step = (v: number, via: number, rev: boolean) => {
          visits++;
          const d = dist.get(v);
          if (d === undefined) {
            dist.set(v, depth + 1);
            count.set(v, count.get(u)!);
            parent.set(v, { from: u, via, rev });
            next.push(v);
            if (targetKind(g, v)) reached.push(v);
          } else if (d === depth + 1) count.set(v, Math.min(1e6, count.get(v)! + count.get(u)!));
        };
        // A model entry is taken by the workloads that load or serve it (against the relation).
        if (u === entry.node && entry.kind === 'unsafe-model-artifact') {
          for (let k = g.in.offsets[u]; k < g.in.offsets[u + 1]; k++) if (g.in.types[k] === LOADS || g.in.types[k] === SERVES) step(g.in.targets[k], g.in.types[k], true);
          continue;
        }
        const holder = HOLDERS.has(g.kinds[u]);
        for (let k = g.out.offsets[u]; k < g.out.offsets[u + 1]; k++) {
          const t = g.out.types[k];
          if (FORWARD.has(t) || (t === USES && holder)) step(g.out.targets[k], t, false);
        }
      }
      frontier = next;
    }
    // Targets passed through on the way to another target are pivots, not ends.
    const passed = new Set<number>();
    for (const t of reached) for (let p = parent.get(t); p && p.from !== entry.node; p = parent.get(p.from)) passed.add(p.from);
    for (const t of reached) {
      if (passed.has(t) || opensFurther(g, t)) continue;
      const tk = targetKind(g, t)!;
      const rule = PATH_RULES.find((r) => r.entries.includes(entry.kind) && r.targets.includes(tk));
      if (!rule) continue;
      const nodes: number[] = [];
      const vias: number[] = [];
      const reversed: boolean[] = [];
      for (let cur: number | undefined = t; cur !== undefined; ) {
        nodes.unshift(cur);
        const p = parent.get(cur);
        vias.unshift(p ? p.via : -1);
        reversed.unshift(p ? p.rev : false);
        cur = p?.from;
      }
      const walk: Walk = { entry, rule, target: t, targetKind: tk, nodes, vias, reversed, count: count.get(t) ?? 1 };
      const key = `${rule.meta.id}\u0000${g.ids[entry.node]}\u0000${g.ids[t]}`;
      const prev = grouped.get(key);
      if (!prev) grouped.set(key, walk);
      else {
        // Same rule, entry and target: keep the better walk, count the other as a variant.
        const keep = score(g, walk) > score(g, prev) ? walk : prev;
        keep.count = prev.count + walk.count;
        grouped.set(key, keep);
      }
    }
  }
  return { walks: [...grouped.values()], truncated, total: grouped.size };
}

/** A credential that opens another target (a Secret holding a provider key) is a pivot, not an end. */
function opensFurther(g: Graph, node: number): boolean {
  if (g.kinds[node] !== 'secret') return false;
  for (let k = g.out.offsets[node]; k < g.out.offsets[node + 1]; k++) if (FORWARD.has(g.out.types[k]) && targetKind(g, g.out.targets[k])) return true;
  return false;
}

/** Score 0..100: entry exposure × exploitability of every step × target value. */
export function score(g: Graph, w: Walk): number {
  let x = ENTRY_EXPOSURE[w.entry.kind] * w.entry.weight * (w.entry.finding ? EXPLOIT[w.entry.finding.severity] : 0.85);
  for (let i = 1; i < w.nodes.length; i++) {
    const f = stepFinding(g, w, i);
    x *= f ? EXPLOIT[f.severity] : 0.95;
  }
  return Math.max(0, Math.min(100, Math.round(100 * x * TARGET_VALUE[w.targetKind])));
}

function severityOf(score: number): Severity {
  return score >= 75 ? 'critical' : score >= 55 ? 'high' : score >= 35 ? 'medium' : 'low';
}

/**
 * The finding that makes step i possible: the most severe on that node (the entry's own for step 0).
 * Escaping to the node is made possible by the workload's own privilege finding (the node is virtual).
 */
function stepFinding(g: Graph, w: Walk, i: number): Finding | undefined {
  if (i === 0) return w.entry.finding;
  if (!w.reversed[i] && w.vias[i] === RUNS_ON) {
    const escape = findingsOf(g, w.nodes[i - 1]).find((f) => ESCAPE_RULES.has(f.ruleId));
    if (escape) return escape;
  }
  return findingsOf(g, w.nodes[i])[0];
}

export function toAttackPaths(g: Graph, walks: Walk[], maxPaths = MAX_PATHS, maxPerRule = MAX_PATHS_PER_RULE): { items: AttackPath[]; omitted: number } {
  const paths = walks.map((w) => toPath(g, w));
  paths.sort((a, b) => b.score - a.score || cmp(a.ruleId, b.ruleId) || cmp(a.entry.assetId, b.entry.assetId) || cmp(a.target.assetId, b.target.assetId));
  const perRule = new Map<string, number>();
  const items: AttackPath[] = [];
  for (const p of paths) {
    const n = perRule.get(p.ruleId) ?? 0;
    if (n >= maxPerRule || items.length >= maxPaths) continue;
    perRule.set(p.ruleId, n + 1);
    items.push(p);
  }
  return { items, omitted: paths.length - items.length };
}

function toPath(g: Graph, w: Walk): AttackPath {
  const steps: PathStep[] = w.nodes.map((node, i) => {
    const f = stepFinding(g, w, i);
    const role: PathStep['role'] = i === 0 ? 'entry' : i === w.nodes.length - 1 ? 'target' : 'pivot';
    const step: PathStep = {
      role,
      assetId: g.ids[node],
      assetKind: g.kinds[node],
      assetName: g.names[node],
      description: i === 0 ? w.entry.description : describe(g, w, i),
    };
    if (i > 0) step.via = w.reversed[i] ? `loaded-by` : relationName(w.vias[i]);
    if (f) step.finding = { ruleId: f.ruleId, fingerprint: f.stableFingerprint ?? f.fingerprint };
    const loc = i === 0 ? w.entry.location ?? f?.location : f?.location ?? g.assets[node]?.locations[0];
    if (loc) step.location = cleanLocation(loc);
    return step;
  });
  const s = score(g, w);
  const entryId = g.ids[w.entry.node];
  const targetId = g.ids[w.target];
  return {
    id: `path-${createHash('sha256').update(`${w.rule.meta.id}\u0000${entryId}\u0000${targetId}`).digest('hex').slice(0, 16)}`,
    ruleId: w.rule.meta.id,
    title: `${w.rule.meta.title}: ${g.names[w.entry.node]} → ${g.names[w.target]}`,
    severity: severityOf(s),
    score: s,
    entry: { kind: w.entry.kind, assetId: entryId },
    target: { kind: w.targetKind, assetId: targetId },
    steps,
    ...(w.count > 1 ? { variants: w.count - 1 } : {}),
  };
}

const TARGET_WORDS: Record<PathTargetKind, string> = {
  'training-data': 'training data',
  'model-store': 'a model store',
  'ai-account': 'a billable AI account',
  secret: 'credentials',
  'model-publishing-ci': 'the CI that publishes models',
  node: 'the node',
};

function describe(g: Graph, w: Walk, i: number): string {
  const name = g.names[w.nodes[i]];
  const prev = g.names[w.nodes[i - 1]];
  const last = i === w.nodes.length - 1;
  const via = w.reversed[i] ? 'loaded-by' : relationName(w.vias[i]);
  let s: string;
  switch (via) {
    case 'loaded-by':
      s = `${name} loads ${prev} at start-up: code execution in ${name}.`;
      break;
    case 'assumes':
      s = `${prev} runs with the identity ${name}: its credentials are the attacker's.`;
      break;
    case 'grants':
      s = `${prev} is allowed to reach ${name}.`;
      break;
    case 'uses':
      s = `${prev} holds ${name} (environment or mounted Secret).`;
      break;
    case 'runs-on': {
      const why = g.assets[w.nodes[i]]?.properties.escape;
      s = typeof why === 'string' ? `${prev} escapes to its node (${why}): code in it controls the node.` : `${prev} is privileged: code in it controls the node.`;
      break;
    }
    default:
      s = `${prev} ${via} ${name}.`;
  }
  return last ? `${s} Target: ${TARGET_WORDS[w.targetKind]}.` : s;
}

function cleanLocation(l: Location): Location {
  const out: Location = {};
  if (l.path !== undefined) out.path = l.path;
  if (l.member !== undefined) out.member = l.member;
  if (l.startLine !== undefined) out.startLine = l.startLine;
  if (l.endLine !== undefined) out.endLine = l.endLine;
  if (l.url !== undefined) out.url = l.url;
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
