/**
 * Attack paths of a project's latest scan (Report.paths, src/core/model.ts) as ordered step lists.
 * PLUG-IN POINT: when the server-side SVG path-graph renderer of src/report/html/ lands, render each
 * path with it here (inline <svg> is allowed by the CSP as long as it carries no script or style
 * attribute) and keep the step list below as its text alternative.
 */
import type { PathsSection } from '../../core/model.js';
import { html, type Raw, sevBadge } from './html.js';

export function renderPaths(paths: PathsSection | null): Raw {
  const items = paths?.items ?? [];
  if (!items.length) return html`<p class="muted">No attack paths in the latest scan.</p>`;
  return html`<div id="path-list">${items.map(
    (p) => html`<div class="path" data-path="${p.id}"><b>${sevBadge(p.severity)} ${p.title}</b> <span class="muted">score ${p.score}${p.variants ? ` · ${p.variants} variants` : ''} · <code>${p.ruleId}</code></span>
<ol class="steps">${(p.steps ?? []).map(
      (s) => html`<li><b>${s.role}</b>${s.via ? html` <span class="muted">via ${s.via}</span>` : ''}: ${s.assetName} <span class="muted">(${s.assetKind})</span> — ${s.description}${
        s.location?.path ? html` <code>${s.location.path}${s.location.startLine ? `:${s.location.startLine}` : ''}</code>` : ''
      }${s.finding ? html` <code>${s.finding.ruleId}</code>` : ''}</li>`,
    )}</ol></div>`,
  )}${paths?.omitted ? html`<p class="muted">${paths.omitted} more paths omitted by the report cap.</p>` : ''}</div>`;
}
