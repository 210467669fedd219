/**
 * Attack-path graph rendering, shared by the HTML report and the dashboard: `renderPathGraphSvg`
 * turns the top paths of a report into a static SVG string (dagre layout at generate time, no
 * client-side layout). Lower-level pieces are exported for pages that want their own drawing.
 */
import type { AttackPath } from '../../core/model.js';
import { buildPathGraph, pickPaths } from './graph.js';
import { layoutPathGraph } from './layout.js';
import { renderLayoutSvg, type SvgOptions } from './svg.js';

export { buildPathGraph, kindLabel, pickPaths, type GraphEdge, type GraphNode, type NodeRole, type PathGraph } from './graph.js';
export { layoutPathGraph, type GraphLayout, type PlacedEdge, type PlacedNode } from './layout.js';
export { renderLayoutSvg, type SvgOptions } from './svg.js';

/** Paths drawn by default (the rest are listed, not drawn: a graph of fifty paths reads as noise). */
export const DRAWN_PATHS = 5;
/** Hard cap on drawn nodes, whatever the paths hold (bounded layout work on hostile input). */
export const MAX_NODES = 80;

export interface PathGraphOptions extends SvgOptions {
  /** How many paths to draw (default DRAWN_PATHS): the best of each rule first, then by the order given (see pickPaths). */
  maxPaths?: number;
}

/** A static SVG of the leading `paths` (sorted best first), or '' when there is none. */
export function renderPathGraphSvg(paths: readonly AttackPath[], opts: PathGraphOptions = {}): string {
  const chosen: AttackPath[] = [];
  let nodes = 0;
  for (const p of pickPaths(paths, opts.maxPaths ?? DRAWN_PATHS)) {
    // Upper bound: a source node plus every step; stop before the cap rather than clip a path.
    if (nodes + p.steps.length + 1 > MAX_NODES) break;
    nodes += p.steps.length + 1;
    chosen.push(p);
  }
  if (!chosen.length) return '';
  return renderLayoutSvg(layoutPathGraph(buildPathGraph(chosen)), opts);
}
