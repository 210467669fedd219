/**
 * Attack paths of a project's latest scan (Report.paths, src/core/model.ts): the same static SVG graph
 * as the HTML report (src/report/path-graph: dagre layout on the server, presentation attributes only,
 * so the CSP's `style-src 'self'` and the absence of script are kept), then every path as an ordered
 * step list, which is also the graph's text alternative. Paths were checked field by field at upload
 * (ingest/paths.ts); a row stored before that check that still fails to draw shows the lists alone.
 */
import type { PathsSection } from '../../core/model.js';
import { DRAWN_PATHS, renderPathGraphSvg } from '../../report/path-graph/index.js';
import { html, Raw, sevBadge } from './html.js';

export function renderPaths(paths: PathsSection | null): Raw {
  const items = paths?.items ?? [];
  if (!items.length) return html`<p class="muted">No attack paths in the latest scan.</p>`;
  return html`${graph(paths!)}<div id="path-list">${items.map(
    (p) => html`<div class="path" id="${p.id}" data-path="${p.id}"><b>${sevBadge(p.severity)} ${p.title}</b> <span class="muted">score ${p.score}${p.variants ? ` · ${p.variants} variants` : ''} · <code>${p.ruleId}</code></span>
<ol class="steps">${(p.steps ?? []).map(
      (s) => html`<li><b>${s.role}</b>${s.via ? html` <span class="muted">via ${s.via}</span>` : ''}: ${s.assetName} <span class="muted">(${s.assetKind})</span> — ${s.description}${
        s.location?.path ? html` <code>${s.location.path}${s.location.startLine ? `:${s.location.startLine}` : ''}</code>` : ''
      }${s.finding ? html` <code>${s.finding.ruleId}</code>` : ''}</li>`,
    )}</ol></div>`,
  )}${paths?.omitted ? html`<p class="muted">${paths.omitted} more paths omitted by the report cap.</p>` : ''}</div>`;
}

function graph(paths: PathsSection): Raw | string {
  let svg = '';
  try {
    // renderPathGraphSvg escapes every scanned string itself (src/report/safe-text.ts).
    svg = renderPathGraphSvg(paths.items, { maxPaths: DRAWN_PATHS, idPrefix: 'pg', title: 'Top attack paths of the latest scan' });
  } catch {
    return '';
  }
  if (!svg) return '';
  const caption = paths.items.length <= DRAWN_PATHS ? 'The paths' : `The leading paths (at most ${DRAWN_PATHS} of ${paths.items.length}, the best of each rule first)`;
  return html`<figure class="path-graph" id="path-graph">${new Raw(svg)}<figcaption class="muted">${caption} as one graph: the attacker on the left, shared steps drawn once. Every path is listed below.</figcaption></figure>`;
}
