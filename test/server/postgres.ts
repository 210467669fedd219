/**
 * A real PostgreSQL for the server tests: AIGIS_TEST_DATABASE_URL when set (CI may point at a service),
 * else a throwaway cluster of Debian's PostgreSQL binaries in a temp directory (initdb + pg_ctl on a
 * free loopback port, as the `postgres` user when run as root, because initdb refuses root). Each test
 * file gets its own database. `.ci/run` installs PostgreSQL and sets AIGIS_REQUIRE_POSTGRES=1, so in CI a
 * missing server fails the suite instead of skipping it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN_ROOT = '/usr/lib/postgresql';

function binDir(): string | undefined {
  if (!existsSync(BIN_ROOT)) return undefined;
  const versions = readdirSync(BIN_ROOT).filter((v) => existsSync(join(BIN_ROOT, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(BIN_ROOT, versions[0], 'bin') : undefined;
}

export function postgresAvailable(): boolean {
  return Boolean(process.env.AIGIS_TEST_DATABASE_URL || binDir());
}

export function postgresRequired(): boolean {
  return process.env.AIGIS_REQUIRE_POSTGRES === '1';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface PgCluster {
  /** URL of the maintenance database (`postgres`). */
  adminUrl: string;
  /** Creates a fresh database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

export async function startPostgres(): Promise<PgCluster> {
  const pg = (await import('pg')).default;
  const external = process.env.AIGIS_TEST_DATABASE_URL;
  let stop = () => undefined as void;
  let adminUrl: string;
  if (external) {
    adminUrl = external;
  } else {
    const bin = binDir();
    if (!bin) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install -y postgresql) and AIGIS_TEST_DATABASE_URL is not set');
    const dir = mkdtempSync(join(tmpdir(), 'aigis-pg-'));
    chmodSync(dir, 0o777);
    const data = join(dir, 'data');
    const asRoot = process.getuid?.() === 0;
    const run = (cmd: string, args: string[]) => execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'pipe', timeout: 120_000 });
    run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'aigis', '--no-sync', '-E', 'UTF8', '--locale=C']);
    const port = await freePort();
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '120', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start']);
    adminUrl = `postgres://aigis@127.0.0.1:${port}/postgres`;
    stop = () => {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
  }
  return {
    adminUrl,
    async createDatabase(name: string) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name}`);
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop,
  };
}
