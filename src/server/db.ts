/**
 * The one database interface of `aigis serve`: `query` and `transaction`, implemented twice — PGlite
 * (embedded PostgreSQL in WASM, a data directory, the laptop default) and node-postgres (`pg`, a real
 * PostgreSQL shared by several instances). Every statement is plain PostgreSQL with `$n` parameters, so
 * the same SQL runs on both; JSON values are passed as text and cast (`$1::jsonb`), never as driver
 * objects, because the two drivers serialise arrays and objects differently.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

export interface OpenOptions {
  /** `postgres://…` for PostgreSQL; otherwise PGlite. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` (or undefined) keeps it in memory (tests). */
  dataDir?: string;
  /** PostgreSQL pool size per instance. */
  poolSize?: number;
}

export async function openDb(options: OpenOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = new PGlite(dataDir && dataDir !== 'memory://' ? dataDir : undefined);
  await pg.waitReady;
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await pg.query<T>(sql, params)).rows }),
    // PGlite is one connection: its transaction() holds a lock, so transactions run one after another.
    transaction: (fn) => pg.transaction((tx) => fn({ query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await tx.query<T>(sql, params)).rows }) })),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    close: () => pg.close(),
  };
}

/** Deadlocks and serialisation failures are retried: the transaction did nothing visible. */
const RETRYABLE = new Set(['40001', '40P01']);

async function openPostgres(url: string, max: number): Promise<Db> {
  const pgModule = await import('pg');
  const Pool = (pgModule.default ?? pgModule).Pool;
  const pool = new Pool({ connectionString: url, max });
  // An idle client that loses its server (PostgreSQL restarted) must not crash the process.
  pool.on('error', () => undefined);
  return {
    kind: 'postgres',
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await pool.query(sql, params)).rows as T[] }),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn({ query: async <R>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as R[] }) });
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (attempt < 5 && RETRYABLE.has((err as { code?: string }).code ?? '')) continue;
          throw err;
        } finally {
          client.release();
        }
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
