/**
 * The schema of `aigis serve`, as numbered migrations applied in order and recorded in
 * `schema_migrations`. Append a migration, never edit an applied one. Several instances may start at
 * once on one PostgreSQL: the run holds a transaction-scoped advisory lock, so one instance migrates and
 * the others find the work done.
 */
import type { Db } from './db.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE projects (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE tokens (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'uploader', 'viewer')),
  projects JSONB NOT NULL DEFAULT '[]',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at TIMESTAMPTZ
);
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  token_id BIGINT NOT NULL REFERENCES tokens(id),
  csrf TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE reports (
  id BIGSERIAL PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  content_hash TEXT NOT NULL,
  kind TEXT NOT NULL,
  tool TEXT NOT NULL,
  command TEXT,
  target TEXT,
  created_at TIMESTAMPTZ,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  finding_count INTEGER NOT NULL,
  asset_count INTEGER NOT NULL,
  severity_counts JSONB NOT NULL,
  paths JSONB,
  uploaded_by BIGINT REFERENCES tokens(id),
  UNIQUE (project_id, content_hash)
);
CREATE TABLE report_findings (
  report_id BIGINT NOT NULL REFERENCES reports(id),
  fingerprint TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  severity TEXT NOT NULL,
  category TEXT,
  title TEXT NOT NULL,
  message TEXT NOT NULL,
  path TEXT,
  start_line INTEGER,
  evidence TEXT,
  remediation TEXT,
  asset_id TEXT,
  on_paths JSONB,
  PRIMARY KEY (report_id, fingerprint)
);
CREATE TABLE findings (
  id BIGSERIAL PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  source TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  severity TEXT NOT NULL,
  title TEXT NOT NULL,
  message TEXT NOT NULL,
  path TEXT,
  start_line INTEGER,
  status TEXT NOT NULL CHECK (status IN ('open', 'fixed')),
  first_seen_report BIGINT NOT NULL REFERENCES reports(id),
  last_seen_report BIGINT NOT NULL REFERENCES reports(id),
  first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  fixed_at TIMESTAMPTZ,
  reopened_count INTEGER NOT NULL DEFAULT 0,
  suppression_id BIGINT,
  UNIQUE (project_id, source, fingerprint)
);
CREATE INDEX findings_project_status ON findings (project_id, status);
CREATE TABLE finding_events (
  id BIGSERIAL PRIMARY KEY,
  finding_id BIGINT NOT NULL REFERENCES findings(id),
  report_id BIGINT REFERENCES reports(id),
  event TEXT NOT NULL CHECK (event IN ('new', 'fixed', 'reopened', 'suppressed', 'unsuppressed')),
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX finding_events_finding ON finding_events (finding_id);
CREATE TABLE report_assets (
  report_id BIGINT NOT NULL REFERENCES reports(id),
  asset_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  version TEXT,
  properties JSONB NOT NULL,
  location TEXT,
  PRIMARY KEY (report_id, asset_id)
);
CREATE TABLE alerts (
  id BIGSERIAL PRIMARY KEY,
  project_id BIGINT REFERENCES projects(id),
  dedupe_hash TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  hostname TEXT,
  fields JSONB NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX alerts_at ON alerts (at DESC);
CREATE TABLE suppressions (
  id BIGSERIAL PRIMARY KEY,
  project_id BIGINT REFERENCES projects(id),
  rule TEXT NOT NULL,
  path TEXT,
  fingerprint TEXT,
  reason TEXT NOT NULL,
  expires DATE,
  created_by BIGINT REFERENCES tokens(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at TIMESTAMPTZ
);
CREATE TABLE audit_log (
  id BIGSERIAL PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL DEFAULT now(),
  actor_token BIGINT,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  detail JSONB NOT NULL DEFAULT '{}'
);
`,
  },
];

/** Applies every migration not yet recorded; returns the versions it applied. */
export async function migrate(db: Db): Promise<number[]> {
  return db.transaction(async (tx) => {
    // 0x61696769 = "aigi": one lock id for every aigis instance on this database. Taken before the
    // bookkeeping table is created, so two instances starting together do not race on it either.
    await tx.query('SELECT pg_advisory_xact_lock(1634297705)');
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      // Statements split on `;` at line ends: the schema has no functions or literals holding one.
      for (const statement of m.sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
