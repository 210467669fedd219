/**
 * Runs the same server tests on both backends: PGlite in memory and a real PostgreSQL (postgres.ts).
 * `backends()` lists the ones to run; `openBackend` gives a migrated database and an app with a known
 * admin token.
 */
import { createApp } from '../../src/server/app.js';
import { createToken, type Role } from '../../src/server/auth.js';
import { openDb, type Db } from '../../src/server/db.js';
import { silentLogger } from '../../src/server/log.js';
import { migrate } from '../../src/server/migrations.js';
import { postgresAvailable, postgresRequired, startPostgres, type PgCluster } from './postgres.js';

export type Backend = 'pglite' | 'postgres';

export function backends(): Backend[] {
  if (postgresAvailable() || postgresRequired()) return ['pglite', 'postgres'];
  // Visible in the output: a developer machine without PostgreSQL runs the PGlite half only.
  console.warn('server tests: no PostgreSQL found (install postgresql or set AIGIS_TEST_DATABASE_URL); running PGlite only');
  return ['pglite'];
}

let cluster: Promise<PgCluster> | undefined;
let counter = 0;

export async function openDatabase(backend: Backend): Promise<Db> {
  if (backend === 'pglite') return openDb({ dataDir: 'memory://' });
  cluster ??= startPostgres();
  const url = await (await cluster).createDatabase(`aigis_test_${process.pid}_${++counter}`);
  return openDb({ databaseUrl: url, poolSize: 5 });
}

export async function stopClusters(): Promise<void> {
  if (cluster) (await cluster).stop();
  cluster = undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read loosely shaped JSON answers
export type J = any;
/** A Response whose JSON the tests read without declaring every answer's type. */
export interface JsonResponse extends Response {
  json(): Promise<J>;
}

export interface TestServer {
  db: Db;
  app: ReturnType<typeof createApp>;
  admin: string;
  token(role: Role, projects?: string[]): Promise<string>;
  /** fetch against the app in-process (no socket). */
  req(path: string, init?: RequestInit & { token?: string | null }): Promise<JsonResponse>;
}

export async function openBackend(backend: Backend, maxUploadSize = 1024 * 1024): Promise<TestServer> {
  const db = await openDatabase(backend);
  await migrate(db);
  const admin = (await createToken(db, 'test admin', 'admin', [])).token;
  const app = createApp({ db, logger: silentLogger, maxUploadSize, secureCookies: 'never' });
  let n = 0;
  return {
    db,
    app,
    admin,
    token: async (role, projects = []) => (await createToken(db, `${role} ${++n}`, role, projects)).token,
    req: (path, init = {}) => {
      const headers = new Headers(init.headers);
      const token = init.token === undefined ? admin : init.token;
      if (token) headers.set('authorization', `Bearer ${token}`);
      return Promise.resolve(app.request(`http://127.0.0.1${path}`, { ...init, headers })) as Promise<JsonResponse>;
    },
  };
}
