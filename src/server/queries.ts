/**
 * Read queries shared by the JSON API and the dashboard. `scope` is the list of project names an
 * uploader may read (null: every project), passed as JSON so the same SQL runs on both drivers.
 */
import type { Queryable } from './db.js';
import type { Principal } from './auth.js';

export type Scope = string | null;

export function scopeOf(p: Principal): Scope {
  return p.role === 'uploader' ? JSON.stringify(p.projects) : null;
}

const IN_SCOPE = (col: string, n: number) => `($${n}::jsonb IS NULL OR ${col} IN (SELECT jsonb_array_elements_text($${n}::jsonb)))`;

/** A finding counts as suppressed while its suppression is live (not revoked, not expired). */
const SUPPRESSED = `EXISTS (SELECT 1 FROM suppressions s WHERE s.id = f.suppression_id AND s.revoked_at IS NULL AND (s.expires IS NULL OR s.expires >= CURRENT_DATE))`;

export interface ProjectSummary {
  name: string;
  reports: number;
  last_upload: string | null;
  open: number;
  suppressed: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
}

export async function listProjects(db: Queryable, scope: Scope): Promise<ProjectSummary[]> {
  const { rows } = await db.query<ProjectSummary>(
    `SELECT p.name,
       (SELECT count(*)::int FROM reports r WHERE r.project_id = p.id) AS reports,
       (SELECT max(received_at) FROM reports r WHERE r.project_id = p.id) AS last_upload,
       count(f.id) FILTER (WHERE f.status = 'open' AND NOT ${SUPPRESSED})::int AS open,
       count(f.id) FILTER (WHERE f.status = 'open' AND ${SUPPRESSED})::int AS suppressed,
       count(f.id) FILTER (WHERE f.status = 'open' AND NOT ${SUPPRESSED} AND f.severity = 'critical')::int AS critical,
       count(f.id) FILTER (WHERE f.status = 'open' AND NOT ${SUPPRESSED} AND f.severity = 'high')::int AS high,
       count(f.id) FILTER (WHERE f.status = 'open' AND NOT ${SUPPRESSED} AND f.severity = 'medium')::int AS medium,
       count(f.id) FILTER (WHERE f.status = 'open' AND NOT ${SUPPRESSED} AND f.severity = 'low')::int AS low,
       count(f.id) FILTER (WHERE f.status = 'open' AND NOT ${SUPPRESSED} AND f.severity = 'info')::int AS info
     FROM projects p LEFT JOIN findings f ON f.project_id = p.id
     WHERE ${IN_SCOPE('p.name', 1)}
     GROUP BY p.id, p.name ORDER BY p.name`,
    [scope],
  );
  return rows;
}

export interface Overview {
  counts: Record<string, number>;
  suppressed: number;
  projects: number;
  trend: { day: string; new: number; fixed: number }[];
  openPaths: { project: string; report_id: number; id: string; title: string; severity: string; score: number; steps: number }[];
  alerts: AlertRow[];
}

export async function overview(db: Queryable, scope: Scope): Promise<Overview> {
  const projects = await listProjects(db, scope);
  const counts: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  let suppressed = 0;
  for (const p of projects) {
    for (const s of Object.keys(counts)) counts[s] += p[s as keyof ProjectSummary] as number;
    suppressed += p.suppressed;
  }
  const trend = (
    await db.query<{ day: string; new: number; fixed: number }>(
      `SELECT to_char(date_trunc('day', e.at), 'YYYY-MM-DD') AS day,
         count(*) FILTER (WHERE e.event IN ('new', 'reopened'))::int AS new,
         count(*) FILTER (WHERE e.event = 'fixed')::int AS fixed
       FROM finding_events e JOIN findings f ON f.id = e.finding_id JOIN projects p ON p.id = f.project_id
       WHERE e.at > now() - interval '14 days' AND ${IN_SCOPE('p.name', 1)}
       GROUP BY 1 ORDER BY 1`,
      [scope],
    )
  ).rows;
  const latest = await latestReports(db, scope);
  const openPaths = latest
    .flatMap((r) => (r.paths?.items ?? []).map((p) => ({ project: r.project, report_id: r.id, id: p.id, title: p.title, severity: p.severity, score: p.score, steps: p.steps?.length ?? 0 })))
    .sort((a, b) => b.score - a.score)
    .slice(0, 20);
  return { counts, suppressed, projects: projects.length, trend, openPaths, alerts: await listAlerts(db, scope, { limit: 10 }) };
}

interface LatestReport {
  id: number;
  project: string;
  paths: { items?: { id: string; title: string; severity: string; score: number; steps?: unknown[] }[] } | null;
}

/** The newest aigis scan of each project: its paths are the project's open attack paths. */
export async function latestReports(db: Queryable, scope: Scope): Promise<LatestReport[]> {
  const { rows } = await db.query<LatestReport>(
    `SELECT DISTINCT ON (r.project_id) r.id::int AS id, p.name AS project, r.paths
     FROM reports r JOIN projects p ON p.id = r.project_id
     WHERE r.kind = 'aigis' AND r.command = 'scan' AND ${IN_SCOPE('p.name', 1)}
     ORDER BY r.project_id, r.id DESC`,
    [scope],
  );
  return rows;
}

export interface AlertRow {
  id: number;
  project: string | null;
  source: string;
  rule: string;
  severity: string;
  message: string;
  at: string;
  hostname: string | null;
}

export async function listAlerts(db: Queryable, scope: Scope, opts: { limit?: number; q?: string } = {}): Promise<AlertRow[]> {
  const { rows } = await db.query<AlertRow>(
    `SELECT a.id::int AS id, p.name AS project, a.source, a.rule, a.severity, a.message, a.at, a.hostname
     FROM alerts a LEFT JOIN projects p ON p.id = a.project_id
     WHERE ($1::jsonb IS NULL OR p.name IN (SELECT jsonb_array_elements_text($1::jsonb)))
       AND ($2::text IS NULL OR a.rule ILIKE '%' || $2 || '%' OR a.message ILIKE '%' || $2 || '%')
     ORDER BY a.at DESC, a.id DESC LIMIT $3`,
    [scope, opts.q || null, Math.min(opts.limit ?? 100, 1000)],
  );
  return rows;
}

export interface InventoryRow {
  project: string;
  asset_id: string;
  kind: string;
  name: string;
  version: string | null;
  location: string | null;
  properties: Record<string, unknown>;
}

/** Assets of each project's newest report that has any, searched across id, name, kind and properties. */
export async function inventory(db: Queryable, scope: Scope, opts: { q?: string; kind?: string; limit?: number } = {}): Promise<InventoryRow[]> {
  const { rows } = await db.query<InventoryRow>(
    `WITH latest AS (
       SELECT DISTINCT ON (r.project_id) r.id, r.project_id FROM reports r
       WHERE r.asset_count > 0 ORDER BY r.project_id, r.id DESC)
     SELECT p.name AS project, a.asset_id, a.kind, a.name, a.version, a.location, a.properties
     FROM latest l JOIN report_assets a ON a.report_id = l.id JOIN projects p ON p.id = l.project_id
     WHERE ${IN_SCOPE('p.name', 1)}
       AND ($2::text IS NULL OR a.asset_id ILIKE '%' || $2 || '%' OR a.name ILIKE '%' || $2 || '%' OR a.kind ILIKE '%' || $2 || '%' OR a.properties::text ILIKE '%' || $2 || '%')
       AND ($3::text IS NULL OR a.kind = $3)
     ORDER BY p.name, a.kind, a.name LIMIT $4`,
    [scope, opts.q || null, opts.kind || null, Math.min(opts.limit ?? 500, 5000)],
  );
  return rows;
}

export interface FindingRow {
  id: number;
  source: string;
  fingerprint: string;
  rule_id: string;
  severity: string;
  title: string;
  message: string;
  path: string | null;
  start_line: number | null;
  status: string;
  first_seen_at: string;
  last_seen_at: string;
  fixed_at: string | null;
  reopened_count: number;
  suppressed: boolean;
  suppression_reason: string | null;
}

export interface FindingFilter {
  status?: string;
  severity?: string;
  rule?: string;
  q?: string;
  suppressed?: string;
  limit?: number;
}

export async function listFindings(db: Queryable, projectId: number, filter: FindingFilter = {}): Promise<FindingRow[]> {
  const status = filter.status === 'all' ? null : filter.status === 'fixed' ? 'fixed' : 'open';
  const { rows } = await db.query<FindingRow>(
    `SELECT f.id::int AS id, f.source, f.fingerprint, f.rule_id, f.severity, f.title, f.message, f.path, f.start_line, f.status,
       f.first_seen_at, f.last_seen_at, f.fixed_at, f.reopened_count, ${SUPPRESSED} AS suppressed,
       (SELECT s.reason FROM suppressions s WHERE s.id = f.suppression_id) AS suppression_reason
     FROM findings f
     WHERE f.project_id = $1 AND ($2::text IS NULL OR f.status = $2) AND ($3::text IS NULL OR f.severity = $3)
       AND ($4::text IS NULL OR f.rule_id LIKE $4 || '%')
       AND ($5::text IS NULL OR f.title ILIKE '%' || $5 || '%' OR f.path ILIKE '%' || $5 || '%' OR f.message ILIKE '%' || $5 || '%')
       AND ($6::text IS NULL OR ($6 = 'yes') = ${SUPPRESSED})
     ORDER BY CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END, f.rule_id, f.path, f.id
     LIMIT $7`,
    [projectId, status, filter.severity || null, filter.rule || null, filter.q || null, filter.suppressed === 'yes' || filter.suppressed === 'no' ? filter.suppressed : null, Math.min(filter.limit ?? 1000, 10000)],
  );
  return rows;
}

export async function projectByName(db: Queryable, name: string): Promise<{ id: number; name: string } | undefined> {
  const { rows } = await db.query<{ id: number; name: string }>('SELECT id::int AS id, name FROM projects WHERE name = $1', [name]);
  return rows[0];
}

export interface ReportRow {
  id: number;
  kind: string;
  tool: string;
  command: string | null;
  target: string | null;
  created_at: string | null;
  received_at: string;
  finding_count: number;
  asset_count: number;
  severity_counts: Record<string, number>;
}

export async function listReports(db: Queryable, projectId: number, limit = 50): Promise<ReportRow[]> {
  const { rows } = await db.query<ReportRow>(
    `SELECT id::int AS id, kind, tool, command, target, created_at, received_at, finding_count, asset_count, severity_counts
     FROM reports WHERE project_id = $1 ORDER BY id DESC LIMIT $2`,
    [projectId, limit],
  );
  return rows;
}

export async function findingDetail(db: Queryable, id: number) {
  const { rows } = await db.query<FindingRow & { project: string; project_id: number }>(
    `SELECT f.id::int AS id, p.name AS project, f.project_id::int AS project_id, f.source, f.fingerprint, f.rule_id, f.severity, f.title, f.message, f.path, f.start_line, f.status,
       f.first_seen_at, f.last_seen_at, f.fixed_at, f.reopened_count, ${SUPPRESSED} AS suppressed,
       (SELECT s.reason FROM suppressions s WHERE s.id = f.suppression_id) AS suppression_reason
     FROM findings f JOIN projects p ON p.id = f.project_id WHERE f.id = $1`,
    [id],
  );
  if (!rows[0]) return undefined;
  const history = (
    await db.query<{ event: string; report_id: number | null; at: string }>('SELECT event, report_id::int AS report_id, at FROM finding_events WHERE finding_id = $1 ORDER BY id', [id])
  ).rows;
  const latest = (
    await db.query<{ evidence: string | null; remediation: string | null; asset_id: string | null; category: string | null; on_paths: string[] | null }>(
      'SELECT rf.evidence, rf.remediation, rf.asset_id, rf.category, rf.on_paths FROM report_findings rf JOIN findings f ON f.last_seen_report = rf.report_id AND f.fingerprint = rf.fingerprint WHERE f.id = $1',
      [id],
    )
  ).rows[0];
  return { ...rows[0], ...(latest ?? {}), history };
}

export interface AlertDay {
  day: string;
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
}

/** Days shown by the alert timeline: the last TIMELINE_DAYS days up to the newest alert (old data still shows). */
export const TIMELINE_DAYS = 30;

/**
 * Runtime alerts per day and severity (same scope and text filter as listAlerts), for the
 * TIMELINE_DAYS days ending on the day of the newest matching alert; days without alerts are zeros.
 */
export async function alertTimeline(db: Queryable, scope: Scope, opts: { q?: string } = {}): Promise<AlertDay[]> {
  const { rows } = await db.query<{ day: string; severity: string; n: number }>(
    `WITH matching AS (
       SELECT a.at, a.severity FROM alerts a LEFT JOIN projects p ON p.id = a.project_id
       WHERE ($1::jsonb IS NULL OR p.name IN (SELECT jsonb_array_elements_text($1::jsonb)))
         AND ($2::text IS NULL OR a.rule ILIKE '%' || $2 || '%' OR a.message ILIKE '%' || $2 || '%'))
     SELECT to_char(date_trunc('day', at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, severity, count(*)::int AS n
     FROM matching
     WHERE at AT TIME ZONE 'UTC' >= (SELECT date_trunc('day', max(at) AT TIME ZONE 'UTC') FROM matching) - make_interval(days => $3)
     GROUP BY 1, 2 ORDER BY 1`,
    [scope, opts.q || null, TIMELINE_DAYS - 1],
  );
  if (!rows.length) return [];
  const last = Date.parse(`${rows.at(-1)!.day}T00:00:00Z`);
  const days = new Map<string, AlertDay>();
  for (let i = TIMELINE_DAYS - 1; i >= 0; i--) {
    const day = new Date(last - i * 86_400_000).toISOString().slice(0, 10);
    days.set(day, { day, critical: 0, high: 0, medium: 0, low: 0, info: 0 });
  }
  for (const r of rows) {
    const d = days.get(r.day);
    if (d && r.severity in d) d[r.severity as keyof Omit<AlertDay, 'day'>] += r.n;
  }
  return [...days.values()];
}
