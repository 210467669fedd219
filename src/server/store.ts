/**
 * Stores one normalised upload in ONE transaction: the report row, its findings and assets, the
 * cross-report tracking of findings (new / fixed / reopened), runtime alerts of a detect report and the
 * audit entry. Either all of it commits or none of it does. Idempotent: the report's content hash is
 * unique per project, so the same upload twice returns the first report's id (two instances racing on
 * the same upload block on the unique index; the loser sees the winner's row). Uploads to one project
 * are serialised by a row lock on the project, so tracking never interleaves.
 */
import { createHash } from 'node:crypto';
import type { Db, Queryable } from './db.js';
import type { NormalizedReport, StoredAlert } from './ingest/types.js';
import { LIVE_SUPPRESSIONS_SQL, suppressionMatcher, type SuppressionRow } from './suppress-match.js';

export interface StoreResult {
  reportId: number;
  duplicate: boolean;
  project: string;
  findings: number;
  new: number;
  fixed: number;
  reopened: number;
  suppressed: number;
  alerts: number;
}

export interface Actor {
  tokenId: number | null;
  name: string;
}

export function contentHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

export async function ensureProject(tx: Queryable, name: string, lock = false): Promise<number> {
  await tx.query('INSERT INTO projects (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
  const { rows } = await tx.query<{ id: string }>(`SELECT id FROM projects WHERE name = $1${lock ? ' FOR UPDATE' : ''}`, [name]);
  return Number(rows[0].id);
}

export async function storeReport(db: Db, project: string, hash: string, report: NormalizedReport, actor: Actor): Promise<StoreResult> {
  return db.transaction(async (tx) => {
    const projectId = await ensureProject(tx, project, true);
    const existing = await tx.query<{ id: string; finding_count: number }>('SELECT id, finding_count FROM reports WHERE project_id = $1 AND content_hash = $2', [projectId, hash]);
    if (existing.rows.length) {
      const r = existing.rows[0];
      return { reportId: Number(r.id), duplicate: true, project, findings: r.finding_count, new: 0, fixed: 0, reopened: 0, suppressed: 0, alerts: 0 };
    }
    // One row per fingerprint: a report listing the same fingerprint twice keeps the first.
    const seen = new Set<string>();
    const findings = report.findings.filter((f) => !seen.has(f.fingerprint) && seen.add(f.fingerprint));
    const assetSeen = new Set<string>();
    const assets = report.assets.filter((a) => !assetSeen.has(a.id) && assetSeen.add(a.id));
    const counts: Record<string, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    for (const f of findings) counts[f.severity]++;
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO reports (project_id, content_hash, kind, tool, command, target, created_at, finding_count, asset_count, severity_counts, paths, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12) RETURNING id`,
      [projectId, hash, report.kind, report.tool, report.command ?? null, report.target ?? null, report.createdAt ?? null, findings.length, assets.length, JSON.stringify(counts), report.paths ? JSON.stringify(report.paths) : null, actor.tokenId],
    );
    const reportId = Number(inserted.rows[0].id);
    const suppressions = (await tx.query<SuppressionRow>(LIVE_SUPPRESSIONS_SQL, [projectId])).rows;
    const match = suppressionMatcher(suppressions);
    const rows = findings.map((f) => ({
      fingerprint: f.fingerprint,
      rule_id: f.ruleId,
      severity: f.severity,
      category: f.category ?? null,
      title: f.title,
      message: f.message,
      path: f.path ?? null,
      start_line: f.startLine ?? null,
      evidence: f.evidence ?? null,
      remediation: f.remediation ?? null,
      asset_id: f.assetId ?? null,
      on_paths: f.onPaths ?? null,
      suppression_id: match(f),
    }));
    const json = JSON.stringify(rows);
    if (rows.length) {
      await tx.query(
        `INSERT INTO report_findings (report_id, fingerprint, rule_id, severity, category, title, message, path, start_line, evidence, remediation, asset_id, on_paths)
         SELECT $1, r.fingerprint, r.rule_id, r.severity, r.category, r.title, r.message, r.path, r.start_line, r.evidence, r.remediation, r.asset_id, r.on_paths
         FROM jsonb_to_recordset($2::jsonb) AS r(fingerprint text, rule_id text, severity text, category text, title text, message text, path text, start_line int, evidence text, remediation text, asset_id text, on_paths jsonb)`,
        [reportId, json],
      );
    }
    if (assets.length) {
      await tx.query(
        `INSERT INTO report_assets (report_id, asset_id, kind, name, version, properties, location)
         SELECT $1, a.id, a.kind, a.name, a.version, COALESCE(a.properties, '{}'::jsonb), a.location
         FROM jsonb_to_recordset($2::jsonb) AS a(id text, kind text, name text, version text, properties jsonb, location text)`,
        [reportId, JSON.stringify(assets)],
      );
    }
    // Only scans (and SARIF/BOM vulnerability lists) describe a project's findings in full: an aigis
    // inventory (bom) or a detect run would otherwise mark every open finding fixed.
    const tracked = report.kind === 'aigis' && report.command !== 'scan' ? { new: 0, fixed: 0, reopened: 0 } : await track(tx, projectId, reportId, report.tool, json);
    const alerts = await storeAlerts(tx, projectId, report.alerts);
    await audit(tx, actor, 'report.upload', project, { reportId, kind: report.kind, tool: report.tool, findings: findings.length, ...tracked });
    return { reportId, duplicate: false, project, findings: findings.length, ...tracked, suppressed: rows.filter((r) => r.suppression_id !== null).length, alerts };
  });
}

/** New, fixed and reopened findings of one tool in one project, with one history event each. */
async function track(tx: Queryable, projectId: number, reportId: number, source: string, json: string): Promise<{ new: number; fixed: number; reopened: number }> {
  const reopened = await tx.query(
    `INSERT INTO finding_events (finding_id, report_id, event)
     SELECT f.id, $2, 'reopened' FROM findings f JOIN jsonb_to_recordset($3::jsonb) AS r(fingerprint text) ON r.fingerprint = f.fingerprint
     WHERE f.project_id = $1 AND f.source = $4 AND f.status = 'fixed' RETURNING finding_id`,
    [projectId, reportId, json, source],
  );
  await tx.query(
    `INSERT INTO findings (project_id, source, fingerprint, rule_id, severity, title, message, path, start_line, status, first_seen_report, last_seen_report, suppression_id)
     SELECT $1, $4, r.fingerprint, r.rule_id, r.severity, r.title, r.message, r.path, r.start_line, 'open', $2, $2, r.suppression_id
     FROM jsonb_to_recordset($3::jsonb) AS r(fingerprint text, rule_id text, severity text, title text, message text, path text, start_line int, suppression_id bigint)
     ON CONFLICT (project_id, source, fingerprint) DO UPDATE SET
       rule_id = EXCLUDED.rule_id, severity = EXCLUDED.severity, title = EXCLUDED.title, message = EXCLUDED.message,
       path = EXCLUDED.path, start_line = EXCLUDED.start_line, last_seen_report = EXCLUDED.last_seen_report, last_seen_at = now(),
       reopened_count = findings.reopened_count + CASE WHEN findings.status = 'fixed' THEN 1 ELSE 0 END,
       status = 'open', fixed_at = NULL, suppression_id = EXCLUDED.suppression_id`,
    [projectId, reportId, json, source],
  );
  const added = await tx.query(
    `INSERT INTO finding_events (finding_id, report_id, event) SELECT id, $2, 'new' FROM findings WHERE project_id = $1 AND source = $3 AND first_seen_report = $2 RETURNING finding_id`,
    [projectId, reportId, source],
  );
  const fixed = await tx.query(
    `WITH gone AS (UPDATE findings SET status = 'fixed', fixed_at = now() WHERE project_id = $1 AND source = $3 AND status = 'open' AND last_seen_report <> $2 RETURNING id)
     INSERT INTO finding_events (finding_id, report_id, event) SELECT id, $2, 'fixed' FROM gone RETURNING finding_id`,
    [projectId, reportId, source],
  );
  return { new: added.rows.length, fixed: fixed.rows.length, reopened: reopened.rows.length };
}

/** Alerts are idempotent too: the same event delivered twice (webhook retries) is stored once. */
export async function storeAlerts(tx: Queryable, projectId: number | null, alerts: StoredAlert[]): Promise<number> {
  if (!alerts.length) return 0;
  const rows = alerts.map((a) => ({
    ...a,
    hostname: a.hostname ?? null,
    dedupe_hash: contentHash(JSON.stringify([projectId, a.source, a.rule, a.at, a.hostname ?? '', a.message, a.fields])),
  }));
  const { rows: stored } = await tx.query(
    `INSERT INTO alerts (project_id, dedupe_hash, source, rule, severity, message, at, hostname, fields)
     SELECT $1, a.dedupe_hash, a.source, a.rule, a.severity, a.message, a.at::timestamptz, a.hostname, COALESCE(a.fields, '{}'::jsonb)
     FROM jsonb_to_recordset($2::jsonb) AS a(dedupe_hash text, source text, rule text, severity text, message text, at text, hostname text, fields jsonb)
     ON CONFLICT (dedupe_hash) DO NOTHING RETURNING id`,
    [projectId, JSON.stringify(rows)],
  );
  return stored.length;
}

export async function audit(tx: Queryable, actor: Actor, action: string, target: string | null, detail: Record<string, unknown> = {}): Promise<void> {
  await tx.query('INSERT INTO audit_log (actor_token, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5::jsonb)', [actor.tokenId, actor.name, action, target, JSON.stringify(detail)]);
}
