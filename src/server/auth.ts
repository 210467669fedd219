/**
 * Tokens and sessions. A token is 32 random bytes (`aigis_` + base64url): high entropy, so a plain
 * SHA-256 of it is a safe stored form (no password-style stretching needed) and lookups are one index
 * probe. Roles: admin (everything), uploader (uploads to, and reads of, the projects it lists), viewer
 * (reads everything, writes nothing). A browser session is a second random secret in an HttpOnly,
 * SameSite=Strict cookie, stored hashed too, bound to the token (revoking the token ends its sessions),
 * with its own CSRF secret for forms.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db, Queryable } from './db.js';

export type Role = 'admin' | 'uploader' | 'viewer';
export const ROLES: Role[] = ['admin', 'uploader', 'viewer'];

export interface Principal {
  tokenId: number;
  name: string;
  role: Role;
  /** Project names an uploader may use; ignored for other roles. */
  projects: string[];
  /** Present when authenticated by a browser session: forms must echo it. */
  csrf?: string;
}

export const SESSION_COOKIE = 'aigis_session';
const SESSION_HOURS = 12;

export function newSecret(prefix = 'aigis_'): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function createToken(db: Queryable, name: string, role: Role, projects: string[], secret = newSecret()): Promise<{ id: number; token: string }> {
  const { rows } = await db.query<{ id: string }>('INSERT INTO tokens (name, token_hash, role, projects) VALUES ($1, $2, $3, $4::jsonb) RETURNING id', [name, sha256(secret), role, JSON.stringify(projects)]);
  return { id: Number(rows[0].id), token: secret };
}

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  projects: string[] | string;
}

function principal(row: TokenRow, csrf?: string): Principal {
  const projects = typeof row.projects === 'string' ? (JSON.parse(row.projects) as string[]) : row.projects;
  return { tokenId: Number(row.id), name: row.name, role: row.role, projects, ...(csrf ? { csrf } : {}) };
}

export async function principalForToken(db: Queryable, secret: string): Promise<Principal | undefined> {
  if (!secret || secret.length > 200) return undefined;
  const { rows } = await db.query<TokenRow>('SELECT id, name, role, projects FROM tokens WHERE token_hash = $1 AND revoked_at IS NULL', [sha256(secret)]);
  return rows[0] ? principal(rows[0]) : undefined;
}

export async function principalForSession(db: Queryable, sessionId: string): Promise<Principal | undefined> {
  if (!sessionId || sessionId.length > 200) return undefined;
  const { rows } = await db.query<TokenRow & { csrf: string }>(
    `SELECT t.id, t.name, t.role, t.projects, s.csrf FROM sessions s JOIN tokens t ON t.id = s.token_id
     WHERE s.id_hash = $1 AND s.expires_at > now() AND t.revoked_at IS NULL`,
    [sha256(sessionId)],
  );
  return rows[0] ? principal(rows[0], rows[0].csrf) : undefined;
}

export async function createSession(db: Queryable, tokenId: number): Promise<{ id: string; csrf: string; maxAge: number }> {
  const id = newSecret('s_');
  const csrf = randomBytes(24).toString('base64url');
  await db.query(`INSERT INTO sessions (id_hash, token_id, csrf, expires_at) VALUES ($1, $2, $3, now() + interval '${SESSION_HOURS} hours')`, [sha256(id), tokenId, csrf]);
  await db.query('DELETE FROM sessions WHERE expires_at < now()');
  return { id, csrf, maxAge: SESSION_HOURS * 3600 };
}

export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [sha256(sessionId)]);
}

/**
 * The first start creates an admin token: from AIGIS_SERVER_ADMIN_TOKEN when set (containers), else a
 * random one that is printed once. Later starts create nothing (the token table is not empty).
 */
export async function bootstrapAdmin(db: Db, fromEnv: string | undefined): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(1634297706)');
    if (fromEnv) {
      const known = await tx.query('SELECT id FROM tokens WHERE token_hash = $1', [sha256(fromEnv)]);
      if (!known.rows.length) await createToken(tx, 'bootstrap admin (AIGIS_SERVER_ADMIN_TOKEN)', 'admin', [], fromEnv);
      return undefined;
    }
    const any = await tx.query('SELECT id FROM tokens LIMIT 1');
    if (any.rows.length) return undefined;
    return (await createToken(tx, 'bootstrap admin', 'admin', [])).token;
  });
}

export function canRead(p: Principal, project: string): boolean {
  return p.role !== 'uploader' || p.projects.includes(project);
}

export function canUpload(p: Principal, project: string): boolean {
  return p.role === 'admin' || (p.role === 'uploader' && p.projects.includes(project));
}
