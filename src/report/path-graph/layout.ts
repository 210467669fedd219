/**
 * Positions a PathGraph with dagre (@dagrejs/dagre, the maintained layered-graph layout behind
 * mermaid and many graph viewers), left to right: attacker on the left, targets on the right.
 * Runs at generate time in Node, synchronously, so neither the HTML report nor the dashboard ships a
 * layout library or lays anything out in the browser. Text is measured by an estimate (no fonts in
 * Node): labels are clipped to MAX_LABEL characters and boxes sized for the widest glyphs.
 */
import dagre from '@dagrejs/dagre';
import { MAX_LABEL, type GraphEdge, type GraphNode, type PathGraph } from './graph.js';

export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode extends GraphNode {
  /** Centre, as dagre gives it. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The label as drawn (clipped). */
  shown: string;
}

export interface PlacedEdge extends GraphEdge {
  points: Point[];
  /** Where the relation label goes. */
  labelAt?: Point;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** Advance of a bold 12px sans-serif glyph (DejaVu Sans, the widest common fallback), so labels do not overflow their box. */
const CHAR_W = 8;
const SMALL_CHAR_W = 6.2;
const NODE_H = 46;
const PAD_X = 14;

export function clipLabel(text: string, max = MAX_LABEL): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

export function layoutPathGraph(graph: PathGraph): GraphLayout {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 22, ranksep: 44, edgesep: 12, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const shown = new Map<string, string>();
  for (const n of graph.nodes) {
    const label = clipLabel(n.label);
    shown.set(n.id, label);
    const width = Math.ceil(Math.max(90, [...label].length * CHAR_W, n.kind.length * SMALL_CHAR_W) + 2 * PAD_X);
    g.setNode(n.id, { width, height: NODE_H });
  }
  for (const e of graph.edges) {
    const text = clipLabel(e.via, 24);
    g.setEdge(e.from, e.to, text ? { width: Math.ceil(text.length * SMALL_CHAR_W) + 6, height: 14, labelpos: 'c' } : { width: 0, height: 0 });
  }
  dagre.layout(g);
  const nodes = graph.nodes.map((n): PlacedNode => {
    const p = g.node(n.id);
    return { ...n, x: round(p.x), y: round(p.y), width: p.width, height: p.height, shown: shown.get(n.id)! };
  });
  const edges = graph.edges.map((e): PlacedEdge => {
    const p = g.edge(e.from, e.to) as { points: Point[]; x?: number; y?: number };
    return { ...e, points: p.points.map((q) => ({ x: round(q.x), y: round(q.y) })), ...(e.via && p.x !== undefined && p.y !== undefined ? { labelAt: { x: round(p.x), y: round(p.y) } } : {}) };
  });
  const size = g.graph();
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes, edges };
}

/** One decimal: the SVG text is the same on every machine and stays short. */
function round(v: number): number {
  return Math.round(v * 10) / 10;
}
