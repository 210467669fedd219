/**
 * The attack-path graph of one scan, in a memory-light form: node ids in one array, typed edges in
 * compressed adjacency arrays (CSR: offsets + targets + relation codes), findings indexed by node.
 * Nodes are the report's assets plus the few virtual nodes an edge needs (a provider account a leaked
 * key opens, the node a privileged pod escapes to). Edges are every asset relation, plus the edge
 * kinds that need the whole scan (./edges/secret-provider, model-refs, privileged-node).
 * Adjacency is sorted by target id, so walks do not depend on input order (determinism).
 */
import type { Asset, AssetKind, Finding, RelationType } from '../core/model.js';
import { modelRefEdges } from './edges/model-refs.js';
import { privilegedNodeEdges } from './edges/privileged-node.js';
import { secretProviderEdges } from './edges/secret-provider.js';

export const RELATIONS: readonly RelationType[] = ['depends-on', 'serves', 'reads', 'writes', 'exposes', 'runs-on', 'runs', 'uses', 'assumes', 'grants', 'loads'];
const CODE = new Map(RELATIONS.map((r, i) => [r, i]));

/** The code of a relation type in the adjacency arrays. */
export function relationCode(r: RelationType): number {
  return CODE.get(r)!;
}

export interface GraphEdge {
  from: string;
  to: string;
  type: RelationType;
  /** Kind and name of `to` when no asset has that id (a virtual node). */
  stub?: { kind: AssetKind; name: string };
}

export interface Csr {
  offsets: Int32Array;
  targets: Int32Array;
  types: Uint8Array;
}

export interface Graph {
  ids: string[];
  index: Map<string, number>;
  /** The asset of each node; undefined for virtual nodes. */
  assets: (Asset | undefined)[];
  kinds: AssetKind[];
  names: string[];
  out: Csr;
  /** Reverse edges (who points at a node), for walks that go against a relation (`loads`). */
  in: Csr;
  /** Findings of each node (CSR over `findings`), most severe first. */
  findingOffsets: Int32Array;
  findingIdx: Int32Array;
  findings: readonly Finding[];
}

const SEVERITY: Record<string, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export function buildGraph(assets: readonly Asset[], findings: readonly Finding[]): Graph {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const nodeAssets: (Asset | undefined)[] = [];
  const kinds: AssetKind[] = [];
  const names: string[] = [];
  const add = (id: string, asset: Asset | undefined, kind: AssetKind, name: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
      nodeAssets.push(asset);
      kinds.push(kind);
      names.push(name);
    }
    return i;
  };
  // Nodes in id order: indexes (and so every walk) do not depend on the order assets arrived in.
  const sorted = [...assets].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const a of sorted) add(a.id, a, a.kind, a.name);

  const src: number[] = [];
  const dst: number[] = [];
  const typ: number[] = [];
  const edge = (from: string, to: string, type: RelationType, stub?: GraphEdge['stub']) => {
    const f = index.get(from);
    if (f === undefined) return;
    let t = index.get(to);
    if (t === undefined) {
      if (!stub) return; // a relation to an asset the report does not have: nothing to name
      t = add(to, undefined, stub.kind, stub.name);
    }
    src.push(f);
    dst.push(t);
    typ.push(CODE.get(type) ?? 0);
  };
  for (const a of sorted) for (const r of a.relations) edge(a.id, r.target, r.type, virtualStub(r.target));
  const has = (id: string) => index.has(id);
  for (const e of [...secretProviderEdges(sorted, has), ...modelRefEdges(sorted), ...privilegedNodeEdges(findings)]) edge(e.from, e.to, e.type, e.stub);

  const n = ids.length;
  const out = csr(n, src, dst, typ, ids);
  const inv = csr(n, dst, src, typ, ids);

  // Findings per node, most severe first, then by rule and fingerprint (stable).
  const byNode: number[][] = [];
  findings.forEach((f, i) => {
    const node = f.assetId === undefined ? undefined : index.get(f.assetId);
    if (node === undefined) return;
    (byNode[node] ??= []).push(i);
  });
  const findingOffsets = new Int32Array(n + 1);
  const flat: number[] = [];
  for (let i = 0; i < n; i++) {
    findingOffsets[i] = flat.length;
    const list = byNode[i];
    if (!list) continue;
    list.sort((x, y) => compareFindings(findings[x], findings[y]));
    for (const j of list) flat.push(j);
  }
  findingOffsets[n] = flat.length;
  return { ids, index, assets: nodeAssets, kinds, names, out, in: inv, findingOffsets, findingIdx: Int32Array.from(flat), findings };
}

/** Virtual nodes a relation may point at without an asset: a provider account opened by a Terraform policy. */
function virtualStub(id: string): GraphEdge['stub'] | undefined {
  if (id.startsWith('llm-provider:')) return { kind: 'llm-provider', name: id.slice('llm-provider:'.length) };
  return undefined;
}

function csr(n: number, from: number[], to: number[], types: number[], ids: string[]): Csr {
  const order = from.map((_, i) => i);
  order.sort((a, b) => from[a] - from[b] || (ids[to[a]] < ids[to[b]] ? -1 : ids[to[a]] > ids[to[b]] ? 1 : 0) || types[a] - types[b]);
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(order.length);
  const tps = new Uint8Array(order.length);
  let k = 0;
  for (let node = 0; node < n; node++) {
    offsets[node] = k;
    while (k < order.length && from[order[k]] === node) {
      targets[k] = to[order[k]];
      tps[k] = types[order[k]];
      k++;
    }
  }
  offsets[n] = k;
  return { offsets, targets, types: tps };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (SEVERITY[b.severity] ?? 0) - (SEVERITY[a.severity] ?? 0) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || ((a.stableFingerprint ?? a.fingerprint) < (b.stableFingerprint ?? b.fingerprint) ? -1 : 1);
}

/** Findings of a node, most severe first. */
export function findingsOf(g: Graph, node: number): Finding[] {
  const out: Finding[] = [];
  for (let k = g.findingOffsets[node]; k < g.findingOffsets[node + 1]; k++) out.push(g.findings[g.findingIdx[k]]);
  return out;
}

export function relationName(code: number): RelationType {
  return RELATIONS[code];
}
