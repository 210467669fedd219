/**
 * The dashboard: server-rendered pages with no client script. Forms post with the session's CSRF
 * token (checked by the auth middleware in ../app.ts) and redirect (303) back to a page.
 */
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppOptions, Env } from '../app.js';
import { actorOf } from '../app.js';
import { canRead, createSession, deleteSession, principalForToken, SESSION_COOKIE, type Principal } from '../auth.js';
import { IngestError } from '../ingest/types.js';
import { alertTimeline, findingDetail, inventory, listAlerts, listFindings, listProjects, listReports, overview, projectByName, scopeOf } from '../queries.js';
import { audit } from '../store.js';
import { createSuppression, listSuppressions, revokeSuppression } from '../suppressions.js';
import { esc, html, layout, Raw, sevBadge, when, type LayoutUser } from './html.js';
import type { PathsSection } from '../../core/model.js';
import { renderPaths } from './paths.js';
import { STYLE } from './style.js';
import { timelineSvg } from './timeline.js';
import { trendSvg } from './trend.js';

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M8 1 2 3.5v4C2 11 4.6 14 8 15c3.4-1 6-4 6-7.5v-4z" fill="#3b4cca"/></svg>';

function user(c: Context<Env>): LayoutUser {
  const p = c.get('principal');
  return { name: p.name, role: p.role, csrf: p.csrf };
}

function csrfField(c: Context<Env>): Raw {
  return html`<input type="hidden" name="_csrf" value="${c.get('principal').csrf ?? ''}">`;
}

function loginPage(error?: string): string {
  return layout(
    'Log in',
    html`<div class="login"><h1>Log in to aigis</h1>${error ? html`<p class="error">${error}</p>` : ''}
<form method="post" action="/login"><label for="token">Access token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Log in</button></form>
<p class="muted">Use an admin, uploader or viewer token (the server printed the first admin token when it first started).</p></div>`,
  );
}

/** Pages reached without a session: 401 with the login form (a browser shows it, a script sees 401). */
export function loginRequired(c: Context): Response {
  return c.html(loginPage(), 401);
}

export function registerUi(app: Hono<Env>, opts: AppOptions): void {
  const { db } = opts;

  app.get('/static/app.css', (c) => c.body(STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));

  // Browsers ask for it on every site: answer with a tiny shield rather than a 401/404 in the console.
  app.get('/favicon.ico', (c) => c.body(ICON, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' }));
  app.get('/login', (c) => c.html(loginPage()));
  app.post('/login', async (c) => {
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin) return c.html(loginPage('Cross-origin login refused.'), 403);
    const body = await c.req.parseBody();
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    const p = await principalForToken(db, token);
    if (!p) return c.html(loginPage('Unknown or revoked token.'), 401);
    const session = await createSession(db, p.tokenId);
    const secure = opts.secureCookies === 'always' || (opts.secureCookies === 'auto' && new URL(c.req.url).protocol === 'https:');
    setCookie(c, SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'Strict', path: '/', secure, maxAge: session.maxAge });
    await audit(db, { tokenId: p.tokenId, name: p.name }, 'session.login', null);
    return c.redirect('/', 303);
  });
  app.post('/logout', async (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) await deleteSession(db, id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });

  app.get('/', async (c) => {
    const o = await overview(db, scopeOf(c.get('principal')));
    const projects = await listProjects(db, scopeOf(c.get('principal')));
    const body = html`<h1>Overview</h1>
<div class="cards">${SEVERITIES.map((s) => html`<div class="card" data-severity="${s}"><b>${o.counts[s]}</b>${sevBadge(s)} open</div>`)}
<div class="card" data-count="suppressed"><b>${o.suppressed}</b>suppressed</div><div class="card"><b>${o.projects}</b>projects</div></div>
<h2>Trend (14 days: new and reopened vs fixed findings)</h2>${trendSvg(o.trend)}
<h2>Open attack paths</h2>${
      o.openPaths.length
        ? html`<table><tr><th>Project</th><th>Path</th><th>Severity</th><th class="num">Score</th><th class="num">Steps</th></tr>${o.openPaths.map(
            (p) => html`<tr><td><a href="/projects/${encodeURIComponent(p.project)}#paths">${p.project}</a></td><td>${p.title}</td><td>${sevBadge(p.severity)}</td><td class="num">${p.score}</td><td class="num">${p.steps}</td></tr>`,
          )}</table>`
        : html`<p class="muted">No attack paths in the latest scans.</p>`
    }
<h2>Projects</h2>${projectTable(projects)}
<h2>Newest runtime alerts</h2>${alertTable(o.alerts)}`;
    return c.html(layout('Overview', body, user(c), '/'));
  });

  app.get('/inventory', async (c) => {
    const q = c.req.query('q') ?? '';
    const kind = c.req.query('kind') ?? '';
    const rows = await inventory(db, scopeOf(c.get('principal')), { q, kind });
    const body = html`<h1>AI inventory</h1>
<form class="filters" method="get" action="/inventory"><input name="q" value="${q}" placeholder="search: bedrock, pickle, npx -y …" aria-label="search">
<input name="kind" value="${kind}" placeholder="kind (model, mcp-server …)" aria-label="kind"><button type="submit">Search</button></form>
<p class="muted">${rows.length} assets in the latest report of each project.</p>
<table id="inventory"><tr><th>Project</th><th>Kind</th><th>Name</th><th>Version</th><th>Where</th><th>Id</th></tr>${rows.map(
      (a) => html`<tr><td><a href="/projects/${encodeURIComponent(a.project)}">${a.project}</a></td><td>${a.kind}</td><td>${a.name}</td><td>${a.version ?? ''}</td><td><code>${a.location ?? ''}</code></td><td><code>${a.asset_id}</code></td></tr>`,
    )}</table>`;
    return c.html(layout('Inventory', body, user(c), '/inventory'));
  });

  app.get('/alerts', async (c) => {
    const q = c.req.query('q') ?? '';
    const scope = scopeOf(c.get('principal'));
    const [rows, days] = await Promise.all([listAlerts(db, scope, { q, limit: 500 }), alertTimeline(db, scope, { q })]);
    const body = html`<h1>Runtime alerts</h1><form class="filters" method="get" action="/alerts"><input name="q" value="${q}" placeholder="rule or text" aria-label="search"><button type="submit">Filter</button></form>
${days.length ? html`<h2>Per day (${days[0].day} to ${days.at(-1)!.day}, UTC)</h2>${timelineSvg(days)}<h2>Newest ${rows.length}</h2>` : ''}${alertTable(rows)}`;
    return c.html(layout('Runtime alerts', body, user(c), '/alerts'));
  });

  app.get('/projects/:name', async (c) => {
    const p = c.get('principal');
    const name = c.req.param('name');
    const project = canRead(p, name) ? await projectByName(db, name) : undefined;
    if (!project) return c.html(layout('Not found', html`<h1>No such project</h1>`, user(c)), 404);
    const q = c.req.query();
    const filter = { status: q.status ?? 'open', severity: q.severity, q: q.q, suppressed: q.suppressed };
    const [summary] = await listProjects(db, JSON.stringify([name]));
    const findings = await listFindings(db, project.id, filter);
    const reports = await listReports(db, project.id, 10);
    const latest = await latestScanPaths(project.id);
    const body = html`<h1>Project ${name}</h1>
<div class="cards">${SEVERITIES.map((s) => html`<div class="card" data-severity="${s}"><b>${summary[s as 'high']}</b>${sevBadge(s)} open</div>`)}
<div class="card" data-count="suppressed"><b>${summary.suppressed}</b>suppressed</div><div class="card"><b>${summary.reports}</b>reports</div></div>
<h2 id="paths">Attack paths${latest ? html` <span class="muted">(report #${latest.id})</span>` : ''}</h2>${renderPaths(latest?.paths ?? null)}
<h2>Findings</h2>
<form class="filters" method="get"><select name="status" aria-label="status">${['open', 'fixed', 'all'].map((s) => html`<option${s === filter.status ? new Raw(' selected') : ''}>${s}</option>`)}</select>
<select name="severity" aria-label="severity"><option value="">any severity</option>${SEVERITIES.map((s) => html`<option${s === filter.severity ? new Raw(' selected') : ''}>${s}</option>`)}</select>
<select name="suppressed" aria-label="suppressed"><option value="">suppressed or not</option><option value="no"${filter.suppressed === 'no' ? new Raw(' selected') : ''}>not suppressed</option><option value="yes"${filter.suppressed === 'yes' ? new Raw(' selected') : ''}>suppressed</option></select>
<input name="q" value="${filter.q ?? ''}" placeholder="text, path" aria-label="text"><button type="submit">Filter</button></form>
<table id="findings"><tr><th>Severity</th><th>Rule</th><th>Finding</th><th>Where</th><th>Status</th><th>First seen</th></tr>${findings.map(
      (f) => html`<tr data-fingerprint="${f.fingerprint}"><td>${sevBadge(f.severity)}</td><td><code>${f.rule_id}</code></td><td><a href="/findings/${f.id}">${f.title}</a><div class="muted">${f.message}</div></td>
<td><code>${f.path ?? ''}${f.start_line ? `:${f.start_line}` : ''}</code></td><td>${f.status}${f.suppressed ? html` · <span class="muted">suppressed</span>` : ''}${f.reopened_count ? html` · reopened ${f.reopened_count}×` : ''}</td><td>${when(f.first_seen_at)}</td></tr>`,
    )}</table>
<h2>Reports</h2><table><tr><th>#</th><th>Kind</th><th>Tool</th><th>Target</th><th>Received</th><th class="num">Findings</th><th class="num">Assets</th></tr>${reports.map(
      (r) => html`<tr><td>${r.id}</td><td>${r.kind}${r.command ? ` (${r.command})` : ''}</td><td>${r.tool}</td><td>${r.target ?? ''}</td><td>${when(r.received_at)}</td><td class="num">${r.finding_count}</td><td class="num">${r.asset_count}</td></tr>`,
    )}</table>
<p><a href="/api/v1/suppressions/export?project=${encodeURIComponent(name)}">Download this project's .aigisignore</a></p>`;
    return c.html(layout(`Project ${name}`, body, user(c)));
  });

  /** The attack paths of the project's newest scan, which the project and finding pages show. */
  const latestScanPaths = async (projectId: number) =>
    (await db.query<{ id: number; paths: PathsSection | null }>(`SELECT id::int AS id, paths FROM reports WHERE project_id = $1 AND kind = 'aigis' AND command = 'scan' ORDER BY id DESC LIMIT 1`, [projectId])).rows[0];

  app.get('/findings/:id{[0-9]+}', async (c) => {
    const p = c.get('principal');
    const f = await findingDetail(db, Number(c.req.param('id')));
    if (!f || !canRead(p, f.project)) return c.html(layout('Not found', html`<h1>No such finding</h1>`, user(c)), 404);
    // Paths of the newest scan that go through this finding (the report lists them in onPaths).
    const ids = new Set(Array.isArray(f.on_paths) ? f.on_paths : []);
    const onPaths = ids.size && f.status === 'open' ? ((await latestScanPaths(f.project_id))?.paths?.items ?? []).filter((x) => ids.has(x.id)) : [];
    const body = html`<p><a href="/projects/${encodeURIComponent(f.project)}">← ${f.project}</a></p><h1>${sevBadge(f.severity)} ${f.title}</h1>
<table><tr><th>Rule</th><td><code>${f.rule_id}</code></td></tr><tr><th>Message</th><td>${f.message}</td></tr>
<tr><th>Where</th><td><code>${f.path ?? ''}${f.start_line ? `:${f.start_line}` : ''}</code></td></tr>
${f.evidence ? html`<tr><th>Evidence</th><td><code>${f.evidence}</code></td></tr>` : ''}${f.remediation ? html`<tr><th>Fix</th><td>${f.remediation}</td></tr>` : ''}
<tr><th>Fingerprint</th><td><code>${f.fingerprint}</code></td></tr><tr><th>Status</th><td>${f.status}${f.suppressed ? html` · suppressed: ${f.suppression_reason}` : ''}</td></tr></table>
${onPaths.length ? html`<h2>On attack paths</h2><ul id="on-paths">${onPaths.map((x) => html`<li>${sevBadge(x.severity)} <a href="/projects/${encodeURIComponent(f.project)}#${x.id}">${x.title}</a> <span class="muted">score ${x.score}</span></li>`)}</ul>` : ''}
<h2>History</h2><table><tr><th>When</th><th>Event</th><th>Report</th></tr>${f.history.map((h) => html`<tr><td>${when(h.at)}</td><td>${h.event}</td><td>${h.report_id ?? ''}</td></tr>`)}</table>
${
  p.role === 'admin' && !f.suppressed
    ? html`<h2>Suppress</h2><form method="post" action="/suppressions" id="suppress">${csrfField(c)}
<input type="hidden" name="project" value="${f.project}"><input type="hidden" name="rule" value="${f.rule_id}"><input type="hidden" name="fingerprint" value="${f.fingerprint}">
<input type="hidden" name="back" value="/projects/${encodeURIComponent(f.project)}">
<label>Reason <input name="reason" required maxlength="500" size="50"></label> <label>Expires <input name="expires" type="date"></label> <button type="submit">Suppress this finding</button></form>`
    : ''
}`;
    return c.html(layout(f.title, body, user(c)));
  });

  app.get('/suppressions', async (c) => {
    const p = c.get('principal');
    const rows = await listSuppressions(db, scopeOf(p));
    const body = html`<h1>Suppressions</h1><p><a href="/api/v1/suppressions/export">Download all as .aigisignore</a></p>
<table id="suppressions"><tr><th>Project</th><th>Rule</th><th>Path</th><th>Fingerprint</th><th>Reason</th><th>Expires</th><th class="num">Findings</th><th>By</th><th></th></tr>${rows.map(
      (s) => html`<tr><td>${s.project ?? 'all projects'}</td><td><code>${s.rule}</code></td><td><code>${s.path ?? ''}</code></td><td><code>${s.fingerprint ?? ''}</code></td><td>${s.reason}</td>
<td>${s.expires ?? 'never'}${s.expired ? html` <span class="muted">(expired)</span>` : ''}</td><td class="num">${s.findings}</td><td>${s.created_by ?? ''}</td>
<td>${p.role === 'admin' ? html`<form class="inline" method="post" action="/suppressions/${s.id}/revoke">${csrfField(c)}<button type="submit">Revoke</button></form>` : ''}</td></tr>`,
    )}</table>
${
  p.role === 'admin'
    ? html`<h2>New suppression</h2><form method="post" action="/suppressions" class="filters">${csrfField(c)}
<input name="project" placeholder="project (empty: all)" aria-label="project"><input name="rule" placeholder="rule id or domain/*" required aria-label="rule">
<input name="path" placeholder="path glob (optional)" aria-label="path"><input name="reason" placeholder="reason" required aria-label="reason"><input name="expires" type="date" aria-label="expires"><button type="submit">Add</button></form>`
    : ''
}`;
    return c.html(layout('Suppressions', body, user(c), '/suppressions'));
  });

  app.get('/audit', async (c) => {
    if (c.get('principal').role !== 'admin') return c.html(layout('Forbidden', html`<h1>The audit log needs an admin token</h1>`, user(c)), 403);
    const { rows } = await db.query<{ at: string; actor: string; action: string; target: string | null; detail: unknown }>('SELECT at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT 500');
    const body = html`<h1>Audit log</h1><table id="audit"><tr><th>When</th><th>Who</th><th>Action</th><th>Target</th><th>Detail</th></tr>${rows.map(
      (r) => html`<tr><td>${when(r.at)}</td><td>${r.actor}</td><td><code>${r.action}</code></td><td>${r.target ?? ''}</td><td><code>${JSON.stringify(r.detail)}</code></td></tr>`,
    )}</table>`;
    return c.html(layout('Audit log', body, user(c), '/audit'));
  });

  app.post('/suppressions', async (c) => {
    const p = c.get('principal');
    if (p.role !== 'admin') return c.html(layout('Forbidden', html`<h1>Only an admin can suppress findings</h1>`, user(c)), 403);
    const b = await c.req.parseBody();
    const s = (k: string) => (typeof b[k] === 'string' && b[k] !== '' ? (b[k] as string) : undefined);
    try {
      await createSuppression(db, { project: s('project'), rule: s('rule') ?? '', path: s('path'), fingerprint: s('fingerprint'), reason: s('reason') ?? '', expires: s('expires') }, actorOf(p));
    } catch (err) {
      if (err instanceof IngestError) return c.html(layout('Suppression refused', html`<h1>Suppression refused</h1><p class="error">${err.message}</p><p><a href="/suppressions">Back</a></p>`, user(c)), 400);
      throw err;
    }
    const back = s('back');
    return c.redirect(back && back.startsWith('/projects/') ? back : '/suppressions', 303);
  });

  app.post('/suppressions/:id{[0-9]+}/revoke', async (c) => {
    const p: Principal = c.get('principal');
    if (p.role !== 'admin') return c.html(layout('Forbidden', html`<h1>Only an admin can revoke suppressions</h1>`, user(c)), 403);
    await revokeSuppression(db, Number(c.req.param('id')), actorOf(p));
    return c.redirect('/suppressions', 303);
  });
}

function projectTable(rows: Awaited<ReturnType<typeof listProjects>>): Raw {
  if (!rows.length) return html`<p class="muted">No project has uploaded a report yet: <code>aigis scan . --upload https://this-server/api/v1/reports?project=NAME</code> with AIGIS_TOKEN set.</p>`;
  return html`<table id="projects"><tr><th>Project</th>${SEVERITIES.map((s) => html`<th class="num">${s}</th>`)}<th class="num">suppressed</th><th class="num">reports</th><th>Last upload</th></tr>${rows.map(
    (p) => html`<tr><td><a href="/projects/${encodeURIComponent(p.name)}">${p.name}</a></td>${SEVERITIES.map((s) => html`<td class="num">${p[s as 'high']}</td>`)}<td class="num">${p.suppressed}</td><td class="num">${p.reports}</td><td>${when(p.last_upload)}</td></tr>`,
  )}</table>`;
}

function alertTable(rows: Awaited<ReturnType<typeof listAlerts>>): Raw {
  if (!rows.length) return html`<p class="muted">No runtime alerts.</p>`;
  return html`<table id="alerts"><tr><th>When</th><th>Severity</th><th>Rule</th><th>Project</th><th>Host</th><th>Message</th></tr>${rows.map(
    (a) => html`<tr><td>${when(a.at)}</td><td>${sevBadge(a.severity)}</td><td>${a.rule}</td><td>${a.project ?? ''}</td><td>${a.hostname ?? ''}</td><td>${a.message}</td></tr>`,
  )}</table>`;
}

export { esc };
