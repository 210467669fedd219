/**
 * Suppressions made on the server: validated like `.aigisignore` entries (rule id or `domain/*`, a
 * reason, an optional path glob, fingerprint and YYYY-MM-DD expiry), applied at once to the stored
 * findings they match and to every later upload, and exported as an `.aigisignore` file that
 * `aigis scan` reads (src/suppress).
 */
import { stringify } from 'yaml';
import type { Db, Queryable } from './db.js';
import { audit, type Actor } from './store.js';
import { IngestError } from './ingest/types.js';
import { LIVE_SUPPRESSIONS_SQL, suppressionMatcher, type SuppressionRow } from './suppress-match.js';
import { parseIgnoreFile, SuppressionConfigError } from '../suppress/index.js';

export interface SuppressionInput {
  project?: string | null;
  rule: string;
  path?: string | null;
  fingerprint?: string | null;
  reason: string;
  expires?: string | null;
}

/** Validates by writing the entry as `.aigisignore` YAML and parsing it with the CLI's own parser. */
export function validateSuppression(input: SuppressionInput): void {
  const entry = toIgnoreEntry(input);
  try {
    parseIgnoreFile(stringify([entry]), 'suppression');
  } catch (err) {
    if (err instanceof SuppressionConfigError) throw new IngestError(400, err.message.replace(/^suppression(:\d+)?( \(entry 1\))?: /, ''));
    throw err;
  }
}

function toIgnoreEntry(s: { rule: string; path?: string | null; fingerprint?: string | null; reason: string; expires?: string | null }): Record<string, string> {
  return {
    rule: s.rule,
    ...(s.path ? { path: s.path } : {}),
    ...(s.fingerprint ? { fingerprint: s.fingerprint } : {}),
    reason: s.reason,
    ...(s.expires ? { expires: s.expires } : {}),
  };
}

export async function createSuppression(db: Db, input: SuppressionInput, actor: Actor): Promise<{ id: number; matched: number }> {
  validateSuppression(input);
  return db.transaction(async (tx) => {
    let projectId: number | null = null;
    if (input.project) {
      const { rows } = await tx.query<{ id: number }>('SELECT id::int AS id FROM projects WHERE name = $1 FOR UPDATE', [input.project]);
      if (!rows[0]) throw new IngestError(400, `no project named "${input.project}"`);
      projectId = rows[0].id;
    }
    const { rows } = await tx.query<{ id: number }>(
      'INSERT INTO suppressions (project_id, rule, path, fingerprint, reason, expires, created_by) VALUES ($1, $2, $3, $4, $5, $6::date, $7) RETURNING id::int AS id',
      [projectId, input.rule, input.path || null, input.fingerprint || null, input.reason, input.expires || null, actor.tokenId],
    );
    const id = rows[0].id;
    const matched = await reapply(tx, projectId);
    await audit(tx, actor, 'suppression.create', input.project ?? '*', { id, ...toIgnoreEntry(input) });
    return { id, matched };
  });
}

export async function revokeSuppression(db: Db, id: number, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ project_id: number | null }>('UPDATE suppressions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING project_id::int AS project_id', [id]);
    if (!rows[0]) return false;
    await tx.query('UPDATE findings SET suppression_id = NULL WHERE suppression_id = $1', [id]);
    await reapply(tx, rows[0].project_id);
    await audit(tx, actor, 'suppression.revoke', String(id));
    return true;
  });
}

/**
 * Re-matches the open, unsuppressed findings of one project (or every project, for an organisation-wide
 * suppression) against the live suppressions; returns how many became suppressed.
 */
async function reapply(tx: Queryable, projectId: number | null): Promise<number> {
  const projects = projectId === null ? (await tx.query<{ id: number }>('SELECT id::int AS id FROM projects')).rows.map((r) => r.id) : [projectId];
  let matched = 0;
  for (const pid of projects) {
    const match = suppressionMatcher((await tx.query<SuppressionRow>(LIVE_SUPPRESSIONS_SQL, [pid])).rows);
    const { rows } = await tx.query<{ id: number; fingerprint: string; rule_id: string; path: string | null }>(
      "SELECT id::int AS id, fingerprint, rule_id, path FROM findings WHERE project_id = $1 AND status = 'open' AND suppression_id IS NULL",
      [pid],
    );
    const updates = rows.map((f) => ({ id: f.id, s: match({ fingerprint: f.fingerprint, ruleId: f.rule_id, path: f.path }) })).filter((u) => u.s !== null);
    if (!updates.length) continue;
    matched += updates.length;
    await tx.query(
      `UPDATE findings f SET suppression_id = u.s FROM jsonb_to_recordset($1::jsonb) AS u(id bigint, s bigint) WHERE f.id = u.id`,
      [JSON.stringify(updates)],
    );
    await tx.query(
      `INSERT INTO finding_events (finding_id, event) SELECT u.id, 'suppressed' FROM jsonb_to_recordset($1::jsonb) AS u(id bigint)`,
      [JSON.stringify(updates)],
    );
  }
  return matched;
}

export interface SuppressionListRow {
  id: number;
  project: string | null;
  rule: string;
  path: string | null;
  fingerprint: string | null;
  reason: string;
  expires: string | null;
  created_at: string;
  created_by: string | null;
  expired: boolean;
  findings: number;
}

export async function listSuppressions(db: Queryable, scope: string | null): Promise<SuppressionListRow[]> {
  const { rows } = await db.query<SuppressionListRow>(
    `SELECT s.id::int AS id, p.name AS project, s.rule, s.path, s.fingerprint, s.reason, to_char(s.expires, 'YYYY-MM-DD') AS expires,
       s.created_at, t.name AS created_by, (s.expires IS NOT NULL AND s.expires < CURRENT_DATE) AS expired,
       (SELECT count(*)::int FROM findings f WHERE f.suppression_id = s.id AND f.status = 'open') AS findings
     FROM suppressions s LEFT JOIN projects p ON p.id = s.project_id LEFT JOIN tokens t ON t.id = s.created_by
     WHERE s.revoked_at IS NULL AND ($1::jsonb IS NULL OR p.name IS NULL OR p.name IN (SELECT jsonb_array_elements_text($1::jsonb)))
     ORDER BY s.id`,
    [scope],
  );
  return rows;
}

/** The live suppressions of a project (and the organisation-wide ones) as an `.aigisignore` file. */
export async function exportIgnoreFile(db: Queryable, project: string | undefined, scope: string | null): Promise<string> {
  const rows = (await listSuppressions(db, scope)).filter((s) => !s.expired && (!project || s.project === null || s.project === project));
  const header = `# .aigisignore exported by aigis serve${project ? ` for project ${project}` : ''}\n# Each entry was accepted on the server with the reason below; keep reasons and expiry dates current.\n`;
  return header + (rows.length ? stringify(rows.map(toIgnoreEntry)) : '[]\n');
}
