/**
 * Draws a laid-out path graph as one static SVG string: no script, no external reference, colours as
 * presentation attributes (so it renders the same inside the HTML report, on the dashboard, or opened
 * alone), class names and `data-*` attributes for pages that want to style or highlight it.
 * Every scanned string is escaped (escapeMarkup); ids are only used inside quoted attributes.
 */
import { escapeMarkup as x } from '../safe-text.js';
import type { NodeRole } from './graph.js';
import type { GraphLayout, PlacedEdge, PlacedNode } from './layout.js';

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const STYLE: Record<NodeRole, { fill: string; stroke: string; text: string; kind: string }> = {
  source: { fill: '#263238', stroke: '#263238', text: '#ffffff', kind: '#cfd8dc' },
  entry: { fill: '#fdecea', stroke: '#c62828', text: '#1a1a1a', kind: '#b71c1c' },
  pivot: { fill: '#fff8e1', stroke: '#e08e00', text: '#1a1a1a', kind: '#8a5a00' },
  target: { fill: '#f3e5f5', stroke: '#6a1b9a', text: '#1a1a1a', kind: '#6a1b9a' },
};

export interface SvgOptions {
  /** Prefix for ids inside the SVG (the arrow marker), unique per page when a page shows several graphs. */
  idPrefix?: string;
  /** Accessible name of the figure. */
  title?: string;
}

export function renderLayoutSvg(layout: GraphLayout, opts: SvgOptions = {}): string {
  const prefix = (opts.idPrefix ?? 'aigis-pg').replace(/[^A-Za-z0-9_-]/g, '');
  const arrow = `${prefix}-arrow`;
  const title = opts.title ?? 'Attack paths';
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="aigis-path-graph" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-labelledby="${prefix}-title" font-family="${x(FONT)}">`,
    `<title id="${prefix}-title">${x(title)}</title>`,
    `<defs><marker id="${arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#546e7a"/></marker></defs>`,
    '<g class="edges">',
    ...layout.edges.map((e) => edgeSvg(e, arrow)),
    '</g>',
    '<g class="nodes">',
    ...layout.nodes.map(nodeSvg),
    '</g>',
    '</svg>',
  );
  return out.join('\n');
}

function edgeSvg(e: PlacedEdge, arrow: string): string {
  const d = e.points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
  const label = e.labelAt && e.via
    ? `<text class="edge-label" x="${e.labelAt.x}" y="${e.labelAt.y + 3}" text-anchor="middle" font-size="10" fill="#37474f" stroke="#ffffff" stroke-width="3" paint-order="stroke">${x(e.via)}</text>`
    : '';
  return `<g class="edge" data-from="${x(e.from)}" data-to="${x(e.to)}" data-paths="${x(e.paths.join(' '))}"><path d="${d}" fill="none" stroke="#546e7a" stroke-width="1.6" marker-end="url(#${arrow})"/>${label}</g>`;
}

function nodeSvg(n: PlacedNode): string {
  const s = STYLE[n.role];
  const left = n.x - n.width / 2;
  const top = n.y - n.height / 2;
  const tip = [n.label, ...n.details].join(' · ');
  return [
    `<g class="node node-${n.role}" data-asset-id="${x(n.id)}" data-role="${n.role}" data-paths="${x(n.paths.join(' '))}">`,
    `<title>${x(tip)}</title>`,
    `<rect x="${left}" y="${top}" width="${n.width}" height="${n.height}" rx="${n.role === 'source' ? n.height / 2 : 6}" fill="${s.fill}" stroke="${s.stroke}" stroke-width="${n.role === 'pivot' ? 1.4 : 2}"/>`,
    `<text x="${n.x}" y="${n.y - 5}" text-anchor="middle" font-size="9.5" letter-spacing="0.6" fill="${s.kind}">${x(n.kind.toUpperCase())}</text>`,
    `<text class="node-label" x="${n.x}" y="${n.y + 11}" text-anchor="middle" font-size="12" font-weight="600" fill="${s.text}">${x(n.shown)}</text>`,
    '</g>',
  ].join('');
}
