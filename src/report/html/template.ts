/**
 * The server-rendered sections of the HTML report: header, summary, top attack paths (graph and
 * step lists), AI inventory, suppressed findings and notes. The findings table is filled by the
 * page's script from the embedded JSON (client.ts). Every scanned string goes through `h`
 * (escapeMarkup); nothing here builds markup from scanned text any other way.
 */
import type { Asset, AttackPath, Note, Report } from '../../core/model.js';
import { SEVERITIES } from '../../core/severity.js';
import { foldImports } from '../../discovery/graph.js';
import { isAiAsset, KIND_LABELS } from '../inventory-summary.js';
import { describeAsset, INVENTORY_ORDER } from '../inventory-table.js';
import { renderPathGraphSvg, DRAWN_PATHS } from '../path-graph/index.js';
import { morePaths, stepPlace, topPaths } from '../paths.js';
import { escapeMarkup as h } from '../safe-text.js';
import { formatBytes, suppressedText, summarize } from '../summary.js';
import { formatLocation } from '../table.js';

/** Path cards listed (the graph draws the first DRAWN_PATHS of them). */
const LISTED_PATHS = 10;
const MAX_INVENTORY = 300;
const MAX_SUPPRESSED = 300;
const MAX_NOTES = 200;

export function headerHtml(report: Report): string {
  return `<header class="top">
<h1>aigis security report — <span class="target">${h(report.target.name)}</span></h1>
<div class="meta">${h(report.command)} · ${h(report.target.type)} · aigis ${h(report.tool.version)} · ${h(report.createdAt)}</div>
</header>`;
}

export function summaryHtml(report: Report): string {
  const s = summarize(report);
  const paths = (report.paths?.items.length ?? 0) + (report.paths?.omitted ?? 0);
  const ai = foldImports(report.assets).filter(isAiAsset).length;
  const card = (cls: string, n: number, label: string, id: string) => `<div class="card ${cls}${n ? '' : ' zero'}" id="${id}"><div class="n">${n}</div><div class="l">${h(label)}</div></div>`;
  const worst = SEVERITIES.find((sev) => s.bySeverity[sev] > 0);
  const verdict = !s.findings
    ? 'No findings.'
    : `${s.findings} ${s.findings === 1 ? 'finding' : 'findings'}${worst ? `, the most severe ${worst}` : ''}${paths ? `; ${paths} attack ${paths === 1 ? 'path' : 'paths'} join them from an entry point to a target — start there` : ''}.`;
  return `<section id="summary" aria-label="Summary">
<p class="verdict">${h(verdict)}</p>
<div class="cards">
${SEVERITIES.map((sev) => card(sev, s.bySeverity[sev], sev, `count-${sev}`)).join('\n')}
${card('paths', paths, 'attack paths', 'count-paths')}
${card('suppressed', s.suppressed, 'suppressed', 'count-suppressed')}
${card('assets', ai, 'AI assets', 'count-assets')}
</div>
<p class="meta">${h([suppressedText(s), `${s.files} ${s.files === 1 ? 'file' : 'files'} (${formatBytes(s.bytes)}) scanned`, s.notes.error + s.notes.warning ? `${s.notes.error} error and ${s.notes.warning} warning notes` : ''].filter(Boolean).join(' · '))}</p>
</section>`;
}

export function pathsHtml(report: Report): string {
  const top = topPaths(report, LISTED_PATHS);
  if (!top.length) return '';
  const total = (report.paths?.items.length ?? 0) + (report.paths?.omitted ?? 0);
  const svg = renderPathGraphSvg(top, { maxPaths: DRAWN_PATHS, idPrefix: 'pg', title: 'Top attack paths' });
  const drawn = Math.min(DRAWN_PATHS, top.length);
  const more = morePaths(report, LISTED_PATHS);
  return `<section id="paths" aria-label="Attack paths">
<h2>Top attack paths <span class="count">(${total})</span></h2>
<figure class="graph">${svg}<figcaption>${drawn === 1 ? 'The top path' : `${drawn} top paths (the best of each kind, then by score)`}: attacker on the left, what they reach on the right. Hover a box for the finding and its file; click a path below to highlight it.</figcaption></figure>
<ol class="paths">
${top.map(pathCard).join('\n')}
</ol>
${more ? `<p class="empty">… and ${more} more paths (see the JSON or SARIF report).</p>` : ''}
</section>`;
}

function pathCard(p: AttackPath): string {
  const steps = p.steps
    .map((s) => {
      const place = stepPlace(s.location);
      return `<li><span class="role ${s.role}">${s.role}</span><strong>${h(s.assetName)}</strong>${s.via ? ` <span class="step-desc">(via ${h(s.via)})</span>` : ''} — <span class="step-desc">${h(s.description)}</span>${place || s.finding ? `<br><span class="place mono">${h([place, s.finding?.ruleId].filter(Boolean).join(' · '))}</span>` : ''}</li>`;
    })
    .join('');
  return `<li class="path ${h(p.severity)}" data-path-id="${h(p.id)}">
<div class="path-head"><span class="score" title="score 0–100">${p.score}</span><span class="sev ${h(p.severity)}">${h(p.severity)}</span><span class="path-title">${h(p.title)}</span><code class="rule">${h(p.ruleId)}</code>${p.variants ? `<span class="step-desc">+${p.variants} similar</span>` : ''}<button type="button" class="show-path" data-path-id="${h(p.id)}">Findings on this path</button></div>
<ol class="steps">${steps}</ol>
</li>`;
}

export function inventoryHtml(report: Report): string {
  const ai = foldImports(report.assets).filter(isAiAsset);
  const order = (a: Asset) => {
    const i = INVENTORY_ORDER.indexOf(a.kind);
    return i < 0 ? INVENTORY_ORDER.length : i;
  };
  const sorted = [...ai].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name, 'en'));
  const rows = sorted.slice(0, MAX_INVENTORY).map((a) => {
    const where = a.locations.slice(0, 2).map((l) => `${l.path ?? l.url ?? ''}${l.startLine ? `:${l.startLine}` : ''}`).join(', ') + (a.locations.length > 2 ? ` (+${a.locations.length - 2})` : '');
    return `<tr><td class="kind">${h(KIND_LABELS[a.kind] ?? a.kind)}</td><td><strong>${h(a.name)}</strong>${a.version ? ` <span class="mono">${h(a.version)}</span>` : ''}</td><td>${h(describeAsset(a))}</td><td class="loc">${h(where)}</td></tr>`;
  });
  return `<section id="inventory" aria-label="AI inventory">
<h2>AI inventory <span class="count">(${ai.length})</span></h2>
${ai.length ? `<table class="inventory"><thead><tr><th>Kind</th><th>Name</th><th>Details</th><th>Where</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>${ai.length > MAX_INVENTORY ? `<p class="empty">… and ${ai.length - MAX_INVENTORY} more (see --format cyclonedx).</p>` : ''}` : '<p class="empty">No AI assets found.</p>'}
</section>`;
}

export function findingsHtml(report: Report): string {
  const categories = [...new Set(report.findings.map((f) => f.category))].sort();
  return `<section id="findings-section" aria-label="Findings">
<h2>Findings <span class="count">(${report.findings.length})</span></h2>
<div class="controls" role="search">
<span>Severity:</span>
${SEVERITIES.map((sev) => `<label><input type="checkbox" class="sev-filter" value="${sev}" checked> <span class="sev ${sev}">${sev}</span></label>`).join('\n')}
<label>Category <select id="category-filter"><option value="">all</option>${categories.map((c) => `<option value="${h(c)}">${h(c)}</option>`).join('')}</select></label>
<label>Search <input type="search" id="text-filter" placeholder="rule, file, message, evidence…"></label>
<span id="path-filter" class="noprint" hidden><span id="path-filter-text"></span> <button type="button" id="path-filter-clear">show all</button></span>
<span class="shown" id="shown-count" aria-live="polite"></span>
</div>
<table id="findings">
<thead><tr>
<th aria-sort="descending" data-key="rank"><button type="button">Severity</button></th>
<th data-key="ruleId"><button type="button">Rule</button></th>
<th data-key="title"><button type="button">Finding</button></th>
<th data-key="location"><button type="button">Location</button></th>
<th data-key="category"><button type="button">Category</button></th>
</tr></thead>
<tbody></tbody>
</table>
<noscript><p class="empty">The findings table needs JavaScript; every finding is also in the JSON and SARIF reports.</p></noscript>
</section>`;
}

export function suppressedHtml(report: Report): string {
  if (!report.suppressed.length) return '';
  const rows = report.suppressed.slice(0, MAX_SUPPRESSED).map((s) => `<tr><td><span class="sev ${h(s.finding.severity)}">${h(s.finding.severity)}</span></td><td><code>${h(s.finding.ruleId)}</code></td><td class="loc">${h(formatLocation(s.finding))}</td><td>${h(s.by)}${s.expires ? ` (until ${h(s.expires)})` : ''}</td><td>${h(s.reason ?? '')}</td></tr>`);
  return `<details class="more" id="suppressed"><summary>Suppressed findings (${report.suppressed.length})</summary>
<table><thead><tr><th>Severity</th><th>Rule</th><th>Location</th><th>By</th><th>Reason</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>${report.suppressed.length > MAX_SUPPRESSED ? `<p class="empty">… and ${report.suppressed.length - MAX_SUPPRESSED} more.</p>` : ''}
</details>`;
}

export function notesHtml(report: Report): string {
  const notes = report.notes.filter((n: Note) => n.level !== 'info');
  if (!notes.length) return '';
  const items = notes.slice(0, MAX_NOTES).map((n) => `<li><strong>${h(n.level)}</strong> ${n.path ? `<code>${h(n.path)}</code>: ` : ''}${h(n.message)}</li>`);
  return `<details class="more" id="notes"><summary>Notes (${notes.length})</summary>
<ul>${items.join('\n')}</ul>${notes.length > MAX_NOTES ? `<p class="empty">… and ${notes.length - MAX_NOTES} more (see --format json).</p>` : ''}
</details>`;
}
