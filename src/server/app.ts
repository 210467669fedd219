/**
 * The HTTP application of `aigis serve` (Hono): the JSON API under /api/v1, the dashboard, health,
 * readiness and metrics. Everything except /healthz, /readyz, the login form and the stylesheet needs a
 * token: `Authorization: Bearer <token>` (API, CI uploads, Prometheus) or the session cookie the login
 * form sets (dashboard; its forms carry a CSRF token). Every response carries strict security headers.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import type { Db } from './db.js';
import { canRead, canUpload, createToken, principalForSession, principalForToken, ROLES, SESSION_COOKIE, type Principal, type Role } from './auth.js';
import { readBody } from './body.js';
import { parseAlerts } from './ingest/alerts.js';
import { parseUpload } from './ingest/detect-kind.js';
import { IngestError } from './ingest/types.js';
import type { Logger } from './log.js';
import { Metrics } from './metrics.js';
import { alertTimeline, findingDetail, inventory, listAlerts, listFindings, listProjects, listReports, overview, projectByName, scopeOf } from './queries.js';
import { audit, contentHash, ensureProject, storeAlerts, storeReport, type Actor } from './store.js';
import { createSuppression, exportIgnoreFile, listSuppressions, revokeSuppression } from './suppressions.js';
import { registerUi, loginRequired } from './ui/routes.js';

export interface AppOptions {
  db: Db;
  logger: Logger;
  /** Largest accepted upload in bytes. */
  maxUploadSize: number;
  /** Set `Secure` on the session cookie: always, never, or when the request came over HTTPS. */
  secureCookies: 'auto' | 'always' | 'never';
  metrics?: Metrics;
}

export interface ServerState {
  shuttingDown: boolean;
  inFlight: number;
}

export type Env = { Variables: { principal: Principal; viaSession: boolean } };

export const CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const PUBLIC = new Set(['/healthz', '/readyz', '/login', '/static/app.css', '/favicon.ico']);
const NAME = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,127}$/;

export function actorOf(p: Principal): Actor {
  return { tokenId: p.tokenId, name: p.name };
}

export function createApp(opts: AppOptions, state: ServerState = { shuttingDown: false, inFlight: 0 }): Hono<Env> {
  const { db, logger } = opts;
  const metrics = opts.metrics ?? new Metrics();
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const start = performance.now();
    state.inFlight++;
    try {
      await next();
    } finally {
      state.inFlight--;
    }
    const h = c.res.headers;
    h.set('Content-Security-Policy', CSP);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on form posts, which the CSRF check must refuse.
    h.set('Referrer-Policy', 'same-origin');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
    if (new URL(c.req.url).protocol === 'https:') h.set('Strict-Transport-Security', 'max-age=31536000');
    const route = c.req.routePath || 'unmatched';
    const seconds = (performance.now() - start) / 1000;
    metrics.inc('aigis_http_requests_total', 'HTTP requests answered, by method, route and status.', { method: c.req.method, route, status: String(c.res.status) });
    metrics.observe(route, seconds);
    // Probes and scrapes arrive every few seconds: logged at debug so they do not drown the rest.
    const quiet = route === '/healthz' || route === '/readyz' || route === '/metrics';
    logger.log(c.res.status >= 500 ? 'error' : quiet ? 'debug' : 'info', 'request', { method: c.req.method, path: new URL(c.req.url).pathname, route, status: c.res.status, ms: Math.round(seconds * 1000) });
  });

  app.onError((err, c) => {
    if (err instanceof IngestError) return c.json({ error: err.message }, err.status);
    logger.log('error', 'unhandled error', { error: err instanceof Error ? err.message : String(err), path: new URL(c.req.url).pathname });
    return c.json({ error: 'internal error' }, 500);
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (state.shuttingDown) return c.json({ status: 'shutting down' }, 503);
    try {
      await db.query('SELECT 1');
      return c.json({ status: 'ready', database: db.kind });
    } catch {
      return c.json({ status: 'database unavailable' }, 503);
    }
  });

  // Dashboard forms are small: their bodies are capped before anything parses them (uploads have
  // their own limit, --max-upload-size, in readBody).
  const formLimit = bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: 'form too large' }, 413) });
  app.use('*', async (c, next) => (c.req.method === 'POST' && !new URL(c.req.url).pathname.startsWith('/api/') ? formLimit(c, next) : next()));

  // Authentication: a bearer token, else the session cookie; nothing else is public.
  app.use('*', async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (PUBLIC.has(path)) return next();
    const header = c.req.header('authorization');
    let principal: Principal | undefined;
    let viaSession = false;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      principal = m ? await principalForToken(db, m[1]) : undefined;
    } else {
      const session = getCookie(c, SESSION_COOKIE);
      if (session) {
        principal = await principalForSession(db, session);
        viaSession = principal !== undefined;
      }
    }
    if (!principal) {
      metrics.inc('aigis_auth_failures_total', 'Requests refused for a missing, unknown or revoked token.');
      if (path.startsWith('/api/') || path === '/metrics' || header) return c.json({ error: 'authentication required: send Authorization: Bearer <token>' }, 401, { 'WWW-Authenticate': 'Bearer realm="aigis"' });
      return loginRequired(c);
    }
    c.set('principal', principal);
    c.set('viaSession', viaSession);
    // Browser sessions: a state-changing request must come from this origin and carry the CSRF token.
    if (viaSession && !['GET', 'HEAD'].includes(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== new URL(c.req.url).origin) return c.json({ error: 'cross-origin request refused' }, 403);
      if (c.req.header('sec-fetch-site') && !['same-origin', 'none'].includes(c.req.header('sec-fetch-site')!)) return c.json({ error: 'cross-site request refused' }, 403);
      const type = c.req.header('content-type') ?? '';
      const sent = type.startsWith('application/x-www-form-urlencoded') ? String((await c.req.parseBody())._csrf ?? '') : (c.req.header('x-csrf-token') ?? '');
      if (!principal.csrf || sent !== principal.csrf) return c.json({ error: 'missing or wrong CSRF token' }, 403);
    }
    return next();
  });

  const forbid = (c: Context, why: string) => c.json({ error: why }, 403);
  const requireAdmin = (c: Context<Env>) => (c.get('principal').role === 'admin' ? undefined : forbid(c, 'this needs an admin token'));
  const projectParam = (c: Context<Env>): string => {
    const name = c.req.query('project');
    if (!name) throw new IngestError(400, 'the "project" query parameter is required, e.g. /api/v1/reports?project=my-service');
    if (!NAME.test(name)) throw new IngestError(400, 'project names are 1–128 characters: letters, digits, . _ - /');
    return name;
  };

  app.get('/metrics', async (c) => {
    const counts = (await db.query<{ projects: number; reports: number; open: number; alerts: number }>(
      `SELECT (SELECT count(*)::int FROM projects) AS projects, (SELECT count(*)::int FROM reports) AS reports,
         (SELECT count(*)::int FROM findings WHERE status = 'open') AS open, (SELECT count(*)::int FROM alerts) AS alerts`,
    )).rows[0];
    return c.text(
      metrics.render({
        aigis_projects: { help: 'Projects known to the server.', value: counts.projects },
        aigis_reports: { help: 'Reports stored.', value: counts.reports },
        aigis_open_findings: { help: 'Findings open across projects (suppressed included).', value: counts.open },
        aigis_alerts: { help: 'Runtime alerts stored.', value: counts.alerts },
        aigis_http_in_flight: { help: 'Requests being answered.', value: state.inFlight },
        aigis_uptime_seconds: { help: 'Seconds since the server started.', value: Math.round((Date.now() - metrics.started) / 1000) },
      }),
      200,
      { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' },
    );
  });

  // ---- ingest ----
  app.post('/api/v1/reports', async (c) => {
    const p = c.get('principal');
    const project = projectParam(c);
    if (!canUpload(p, project)) return forbid(c, p.role === 'viewer' ? 'a viewer token cannot upload' : `this token cannot upload to project "${project}"`);
    const body = await readBody(c.req.raw, opts.maxUploadSize);
    const report = parseUpload(body);
    const result = await storeReport(db, project, contentHash(body), report, actorOf(p));
    metrics.inc('aigis_uploads_total', 'Reports accepted, by kind and whether they were already stored.', { kind: report.kind, duplicate: String(result.duplicate) });
    logger.log('info', 'report stored', { project, reportId: result.reportId, duplicate: result.duplicate, kind: report.kind, findings: result.findings });
    return c.json(result, result.duplicate ? 200 : 201);
  });

  const alertsHandler = async (c: Context<Env>) => {
    const p = c.get('principal');
    const project = c.req.query('project');
    if (project !== undefined && !NAME.test(project)) throw new IngestError(400, 'invalid project name');
    if (p.role === 'viewer') return forbid(c, 'a viewer token cannot post alerts');
    if (p.role === 'uploader' && (!project || !p.projects.includes(project))) return forbid(c, 'an uploader token posts alerts to one of its projects (?project=…)');
    const alerts = parseAlerts(await readBody(c.req.raw, opts.maxUploadSize));
    const stored = await db.transaction(async (tx) => storeAlerts(tx, project ? await ensureProject(tx, project) : null, alerts));
    metrics.inc('aigis_alerts_received_total', 'Runtime alerts received, by source.', { source: alerts[0]?.source ?? 'none' }, alerts.length);
    return c.json({ received: alerts.length, stored }, 201);
  };
  app.post('/api/v1/alerts', alertsHandler);
  // falcosidekick: `webhook.address: https://aigis.example/api/v1/alerts/falco?project=cluster-a` with
  // `webhook.customheaders: Authorization:Bearer <token>`.
  app.post('/api/v1/alerts/falco', alertsHandler);

  // ---- reads ----
  const readableProject = async (c: Context<Env>, name: string) => {
    if (!canRead(c.get('principal'), name)) return undefined;
    return projectByName(db, name);
  };
  app.get('/api/v1/projects', async (c) => c.json(await listProjects(db, scopeOf(c.get('principal')))));
  app.get('/api/v1/projects/:name/findings', async (c) => {
    const project = await readableProject(c, c.req.param('name'));
    if (!project) return c.json({ error: 'no such project' }, 404);
    const q = c.req.query();
    return c.json(await listFindings(db, project.id, { status: q.status, severity: q.severity, rule: q.rule, q: q.q, suppressed: q.suppressed, limit: q.limit ? Number(q.limit) : undefined }));
  });
  app.get('/api/v1/projects/:name/reports', async (c) => {
    const project = await readableProject(c, c.req.param('name'));
    if (!project) return c.json({ error: 'no such project' }, 404);
    return c.json(await listReports(db, project.id));
  });
  app.get('/api/v1/projects/:name', async (c) => {
    const project = await readableProject(c, c.req.param('name'));
    if (!project) return c.json({ error: 'no such project' }, 404);
    const summary = (await listProjects(db, JSON.stringify([project.name])))[0];
    const latest = (await db.query<{ id: number; paths: unknown }>(`SELECT id::int AS id, paths FROM reports WHERE project_id = $1 AND kind = 'aigis' AND command = 'scan' ORDER BY id DESC LIMIT 1`, [project.id])).rows[0];
    return c.json({ ...summary, latestReport: latest?.id ?? null, paths: latest?.paths ?? null });
  });
  app.get('/api/v1/findings/:id{[0-9]+}', async (c) => {
    const f = await findingDetail(db, Number(c.req.param('id')));
    if (!f || !canRead(c.get('principal'), f.project)) return c.json({ error: 'no such finding' }, 404);
    return c.json(f);
  });
  app.get('/api/v1/reports/:id{[0-9]+}', async (c) => {
    const { rows } = await db.query<{ id: number; project: string }>(
      `SELECT r.id::int AS id, p.name AS project, r.kind, r.tool, r.command, r.target, r.created_at, r.received_at, r.finding_count, r.asset_count, r.severity_counts, r.paths
       FROM reports r JOIN projects p ON p.id = r.project_id WHERE r.id = $1`,
      [Number(c.req.param('id'))],
    );
    if (!rows[0] || !canRead(c.get('principal'), rows[0].project)) return c.json({ error: 'no such report' }, 404);
    const findings = (await db.query('SELECT fingerprint, rule_id, severity, category, title, message, path, start_line, evidence, asset_id, on_paths FROM report_findings WHERE report_id = $1 ORDER BY rule_id, fingerprint', [rows[0].id])).rows;
    return c.json({ ...rows[0], findings });
  });
  app.get('/api/v1/inventory', async (c) => c.json(await inventory(db, scopeOf(c.get('principal')), { q: c.req.query('q'), kind: c.req.query('kind') })));
  app.get('/api/v1/alerts', async (c) => c.json(await listAlerts(db, scopeOf(c.get('principal')), { q: c.req.query('q'), limit: Number(c.req.query('limit') ?? 100) || 100 })));
  app.get('/api/v1/alerts/timeline', async (c) => c.json(await alertTimeline(db, scopeOf(c.get('principal')), { q: c.req.query('q') })));
  app.get('/api/v1/overview', async (c) => c.json(await overview(db, scopeOf(c.get('principal')))));

  // ---- suppressions ----
  app.get('/api/v1/suppressions', async (c) => c.json(await listSuppressions(db, scopeOf(c.get('principal')))));
  app.get('/api/v1/suppressions/export', async (c) => {
    const project = c.req.query('project');
    if (project && !canRead(c.get('principal'), project)) return c.json({ error: 'no such project' }, 404);
    return c.body(await exportIgnoreFile(db, project, scopeOf(c.get('principal'))), 200, { 'Content-Type': 'text/yaml; charset=utf-8', 'Content-Disposition': 'attachment; filename=".aigisignore"' });
  });
  app.post('/api/v1/suppressions', async (c) => {
    const denied = requireAdmin(c);
    if (denied) return denied;
    const body = jsonObject(await readBody(c.req.raw, 64 * 1024));
    const s = await createSuppression(db, { project: str(body.project), rule: str(body.rule) ?? '', path: str(body.path), fingerprint: str(body.fingerprint), reason: str(body.reason) ?? '', expires: str(body.expires) }, actorOf(c.get('principal')));
    return c.json(s, 201);
  });
  app.delete('/api/v1/suppressions/:id{[0-9]+}', async (c) => {
    const denied = requireAdmin(c);
    if (denied) return denied;
    return (await revokeSuppression(db, Number(c.req.param('id')), actorOf(c.get('principal')))) ? c.json({ revoked: true }) : c.json({ error: 'no such suppression' }, 404);
  });

  // ---- tokens and audit (admin) ----
  app.get('/api/v1/tokens', async (c) => {
    const denied = requireAdmin(c);
    if (denied) return denied;
    return c.json((await db.query('SELECT id::int AS id, name, role, projects, created_at, revoked_at FROM tokens ORDER BY id')).rows);
  });
  app.post('/api/v1/tokens', async (c) => {
    const denied = requireAdmin(c);
    if (denied) return denied;
    const body = jsonObject(await readBody(c.req.raw, 64 * 1024));
    const role = str(body.role) as Role;
    if (!ROLES.includes(role)) throw new IngestError(400, `role must be one of ${ROLES.join(', ')}`);
    const name = str(body.name);
    if (!name || name.length > 100) throw new IngestError(400, 'name is required (1–100 characters)');
    const projects = Array.isArray(body.projects) ? body.projects.filter((x): x is string => typeof x === 'string' && NAME.test(x)) : [];
    if (role === 'uploader' && !projects.length) throw new IngestError(400, 'an uploader token needs "projects": the project names it may upload to');
    const created = await db.transaction(async (tx) => {
      const t = await createToken(tx, name, role, role === 'uploader' ? projects : []);
      await audit(tx, actorOf(c.get('principal')), 'token.create', String(t.id), { name, role, projects });
      return t;
    });
    // The only time the token is shown: the server keeps its hash.
    return c.json({ id: created.id, token: created.token, role, projects }, 201);
  });
  app.delete('/api/v1/tokens/:id{[0-9]+}', async (c) => {
    const denied = requireAdmin(c);
    if (denied) return denied;
    const id = Number(c.req.param('id'));
    const done = await db.transaction(async (tx) => {
      const { rows } = await tx.query('UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
      if (!rows.length) return false;
      await tx.query('DELETE FROM sessions WHERE token_id = $1', [id]);
      await audit(tx, actorOf(c.get('principal')), 'token.revoke', String(id));
      return true;
    });
    return done ? c.json({ revoked: true }) : c.json({ error: 'no such token' }, 404);
  });
  app.get('/api/v1/audit', async (c) => {
    const denied = requireAdmin(c);
    if (denied) return denied;
    return c.json((await db.query('SELECT id::int AS id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT 500')).rows);
  });

  registerUi(app, opts);
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  return app;
}

function jsonObject(text: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new IngestError(400, 'expected a JSON object');
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new IngestError(400, 'expected a JSON object');
  return v as Record<string, unknown>;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
