/**
 * The attack paths of a report as one graph: a node per asset (an asset on several paths is drawn
 * once, so shared pivots show), an edge per hop, and a source node per kind of entry ("Internet",
 * "Anyone with the repository") in front of the entries, so a reader sees where the attacker starts.
 * Pure data; layout.ts positions it and svg.ts draws it.
 */
import type { AssetKind, AttackPath, PathEntryKind, PathStep } from '../../core/model.js';

export type NodeRole = 'source' | 'entry' | 'pivot' | 'target';

export interface GraphNode {
  id: string;
  role: NodeRole;
  /** Small caps line: the asset kind (or the source description). */
  kind: string;
  /** The asset name (scanned text, unescaped here). */
  label: string;
  /** Ids of the paths through this node, in path order. */
  paths: string[];
  /** Tooltip lines: description, rule id, file:line. */
  details: string[];
  /** File of the step (first seen), to tell apart assets that share a name. */
  place?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** Relation followed (`exposes`, `assumes` …), distinct values joined. */
  via: string;
  paths: string[];
}

export interface PathGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const SOURCE: Record<PathEntryKind, { id: string; label: string }> = {
  'internet-exposure': { id: 'source:internet', label: 'Internet' },
  'vulnerable-exposed-server': { id: 'source:internet', label: 'Internet' },
  'public-bucket': { id: 'source:internet', label: 'Internet' },
  'untrusted-ci-trigger': { id: 'source:untrusted-ci', label: 'Untrusted pull request' },
  'leaked-credential': { id: 'source:repo-readers', label: 'Anyone with the repository' },
  'unsafe-model-artifact': { id: 'source:model-supplier', label: 'Model supplier' },
};

const KIND_LABEL: Partial<Record<AssetKind, string>> = {
  'ai-server': 'AI server',
  'ai-service': 'AI service',
  'llm-provider': 'LLM provider',
  'mcp-server': 'MCP server',
  'gpu-workload': 'GPU workload',
  'vector-store': 'vector store',
  'cloud-resource': 'cloud resource',
  'container-image': 'container image',
};

/** Longest asset name drawn; the whole name is in the tooltip. */
export const MAX_LABEL = 34;

export function kindLabel(kind: AssetKind): string {
  return KIND_LABEL[kind] ?? kind;
}

/** One graph for `paths` (already the ones to draw, in the order to draw them). */
export function buildPathGraph(paths: readonly AttackPath[]): PathGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const addPath = (node: GraphNode, pathId: string) => {
    if (!node.paths.includes(pathId)) node.paths.push(pathId);
  };
  const link = (from: string, to: string, via: string | undefined, pathId: string) => {
    if (from === to) return;
    const key = `${from}\u0000${to}`;
    let e = edges.get(key);
    if (!e) edges.set(key, (e = { from, to, via: '', paths: [] }));
    if (via && !e.via.split(', ').includes(via)) e.via = e.via ? `${e.via}, ${via}` : via;
    if (!e.paths.includes(pathId)) e.paths.push(pathId);
  };
  for (const path of paths) {
    const source = SOURCE[path.entry.kind] ?? { id: `source:${path.entry.kind}`, label: path.entry.kind };
    let src = nodes.get(source.id);
    if (!src) nodes.set(source.id, (src = { id: source.id, role: 'source', kind: 'attacker', label: source.label, paths: [], details: [] }));
    addPath(src, path.id);
    let prev = source.id;
    for (const step of path.steps) {
      let node = nodes.get(step.assetId);
      if (!node) nodes.set(step.assetId, (node = { id: step.assetId, role: step.role, kind: kindLabel(step.assetKind), label: step.assetName, paths: [], details: stepDetails(step), ...(step.location?.path ? { place: step.location.path } : {}) }));
      // An asset that is the entry or the target of any path is drawn as such.
      if (node.role === 'pivot' && step.role !== 'pivot') node.role = step.role;
      addPath(node, path.id);
      link(prev, step.assetId, step.via, path.id);
      prev = step.assetId;
    }
  }
  return { nodes: disambiguate([...nodes.values()]), edges: [...edges.values()] };
}

/** Three leaked "Hugging Face access token"s are three boxes: name each by its file when names collide. */
function disambiguate(nodes: GraphNode[]): GraphNode[] {
  const count = new Map<string, number>();
  for (const n of nodes) count.set(n.label, (count.get(n.label) ?? 0) + 1);
  return nodes.map((n) => ((count.get(n.label) ?? 0) > 1 && n.place ? { ...n, label: `${n.label} · ${n.place.split('/').pop()}` } : n));
}

/**
 * The paths to draw: the best path of each rule first (so one kind of path cannot fill the figure),
 * then the next best by score; drawn in the order given.
 */
export function pickPaths(paths: readonly AttackPath[], max: number): AttackPath[] {
  const firstOfRule = new Set<string>();
  const lead: AttackPath[] = [];
  for (const p of paths) {
    if (firstOfRule.has(p.ruleId)) continue;
    firstOfRule.add(p.ruleId);
    lead.push(p);
  }
  const chosen = new Set(lead.slice(0, max));
  for (const p of paths) {
    if (chosen.size >= max) break;
    chosen.add(p);
  }
  return paths.filter((p) => chosen.has(p));
}

function stepDetails(step: PathStep): string[] {
  const out = [step.description];
  if (step.finding) out.push(`finding: ${step.finding.ruleId}`);
  const l = step.location;
  if (l?.path || l?.url) out.push(`${l.path ?? l.url}${l.member ? ` → ${l.member}` : ''}${l.startLine ? `:${l.startLine}` : ''}`);
  return out;
}
