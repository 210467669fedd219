/**
 * `aigis serve`: the central service and dashboard (src/server). Every option also reads an
 * AIGIS_<OPTION> environment variable (program.ts), e.g. AIGIS_DATABASE, AIGIS_PORT; the first admin
 * token may come from AIGIS_SERVER_ADMIN_TOKEN.
 */
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../exit.js';

interface ServeFlags {
  host: string;
  port: string;
  database?: string;
  dataDir?: string;
  maxUploadSize: string;
  secureCookies: string;
  poolSize: string;
  shutdownTimeout: string;
  logLevel: string;
}

const SIZE = /^(\d+)\s*(b|kb|k|mb|m|gb|g)?$/i;
const UNIT: Record<string, number> = { b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

export function parseSize(text: string): number {
  const m = SIZE.exec(text.trim());
  if (!m) throw new CliError(`invalid size "${text}" (e.g. 32MB)`);
  return Number(m[1]) * UNIT[(m[2] ?? 'b').toLowerCase()];
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the aigis server: API for uploads (reports, SARIF, CycloneDX, runtime alerts) and the web dashboard')
    .option('--host <address>', 'address to listen on (use 0.0.0.0 in a container)', '127.0.0.1')
    .option('--port <port>', 'TCP port to listen on (0: any free port)', '8080')
    .option('--database <url>', 'PostgreSQL URL (postgres://user:pass@host:5432/db) shared by several instances; default: embedded PGlite in --data-dir')
    .option('--data-dir <dir>', 'data directory of the embedded database (default: ~/.local/share/aigis/server)')
    .option('--max-upload-size <size>', 'largest accepted upload; larger ones get 413', '32MB')
    .option('--secure-cookies <when>', 'mark the session cookie Secure: auto (when the request is HTTPS), always (behind a TLS proxy), never', 'auto')
    .option('--pool-size <n>', 'PostgreSQL connections per instance', '10')
    .option('--shutdown-timeout <ms>', 'on SIGTERM, longest wait for in-flight requests before closing', '10000')
    .option('--log-level <level>', 'debug, info, warn or error (JSON lines on stderr)', 'info')
    .addHelpText(
      'after',
      `
Environment:
  Every option reads AIGIS_<OPTION> when not given (AIGIS_HOST, AIGIS_PORT, AIGIS_DATABASE,
  AIGIS_DATA_DIR, AIGIS_MAX_UPLOAD_SIZE, AIGIS_SECURE_COOKIES, AIGIS_POOL_SIZE,
  AIGIS_SHUTDOWN_TIMEOUT, AIGIS_LOG_LEVEL).
  AIGIS_SERVER_ADMIN_TOKEN  admin token created at start-up if unknown (else the first start prints one)

Access:
  Every route except /healthz and /readyz needs a token: "Authorization: Bearer <token>" or a
  dashboard session (log in with a token). Roles: admin, uploader (scoped to projects), viewer.
  Create tokens: POST /api/v1/tokens {"name","role","projects"} with an admin token.

Uploads:
  aigis scan . --upload 'https://HOST/api/v1/reports?project=NAME'   (token from AIGIS_TOKEN)
  curl -H "Authorization: Bearer $AIGIS_TOKEN" --data-binary @report.sarif 'https://HOST/api/v1/reports?project=NAME'
  falcosidekick: webhook.address https://HOST/api/v1/alerts/falco?project=NAME,
                 webhook.customheaders Authorization:Bearer <uploader token>

Operations: /healthz (alive), /readyz (database reachable, not shutting down), /metrics
(Prometheus, needs a token), SIGTERM drains requests and exits.`,
    )
    .action(async (flags: ServeFlags) => {
      await serveCommand(flags);
    });
}

async function serveCommand(flags: ServeFlags): Promise<void> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`invalid --port "${flags.port}"`);
  if (!['auto', 'always', 'never'].includes(flags.secureCookies)) throw new CliError('--secure-cookies must be auto, always or never');
  if (!['debug', 'info', 'warn', 'error'].includes(flags.logLevel)) throw new CliError('--log-level must be debug, info, warn or error');
  if (flags.database && !/^postgres(ql)?:\/\//.test(flags.database)) throw new CliError('--database must be a postgres:// URL');
  const { startServer } = await import('../../server/start.js');
  const { jsonLogger } = await import('../../server/log.js');
  const logger = jsonLogger(flags.logLevel as 'info');
  const dataDir = path.resolve(flags.dataDir ?? path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'aigis', 'server'));
  const { DataDirLockedError } = await import('../../server/data-lock.js');
  const server = await startServer({
    host: flags.host,
    port,
    databaseUrl: flags.database,
    dataDir,
    maxUploadSize: parseSize(flags.maxUploadSize),
    secureCookies: flags.secureCookies as 'auto',
    adminToken: process.env.AIGIS_SERVER_ADMIN_TOKEN || undefined,
    poolSize: Math.max(1, Number(flags.poolSize) || 10),
    shutdownTimeoutMs: Math.max(0, Number(flags.shutdownTimeout) || 0),
    logger,
  }).catch((err: unknown) => {
    if (err instanceof DataDirLockedError) throw new CliError(err.message);
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw new CliError(`cannot listen on ${flags.host}:${port}: address in use`);
    if (e.code === 'ECONNREFUSED' || e.code === '28P01' || e.code === '3D000') throw new CliError(`cannot open the database: ${e.message}`);
    throw err;
  });
  if (server.bootstrapToken) {
    // Shown once: the server keeps only its hash.
    process.stderr.write(`\naigis serve: first start, admin token (shown once, store it now):\n  ${server.bootstrapToken}\n\n`);
  }
  process.stdout.write(`aigis serve listening on ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.log('info', 'signal', { signal });
      void server.close().then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
