/**
 * Starts `aigis serve`: opens the database (PGlite data directory or PostgreSQL URL), applies
 * migrations, creates the first admin token, listens, and shuts down gracefully on SIGTERM/SIGINT
 * (readiness turns 503, the listener stops accepting, in-flight requests finish, the database closes).
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type ServerState } from './app.js';
import { bootstrapAdmin } from './auth.js';
import { openDb, type Db } from './db.js';
import type { Logger } from './log.js';
import { Metrics } from './metrics.js';
import { migrate } from './migrations.js';
import { lockDataDir } from './data-lock.js';

export interface ServeConfig {
  host: string;
  port: number;
  /** PostgreSQL URL; when absent, PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  maxUploadSize: number;
  secureCookies: 'auto' | 'always' | 'never';
  adminToken?: string;
  poolSize: number;
  /** Longest wait for in-flight requests on shutdown, in milliseconds. */
  shutdownTimeoutMs: number;
  logger: Logger;
}

export interface RunningServer {
  url: string;
  db: Db;
  /** Printed once on the very first start when no admin token was configured. */
  bootstrapToken?: string;
  close(): Promise<void>;
}

export async function startServer(config: ServeConfig): Promise<RunningServer> {
  const { logger } = config;
  let unlock = () => undefined as void;
  if (!config.databaseUrl && config.dataDir !== 'memory://') {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    unlock = lockDataDir(config.dataDir);
  }
  let db: Db;
  try {
    db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize });
  } catch (err) {
    unlock();
    throw err;
  }
  let bootstrapToken: string | undefined;
  try {
    const applied = await migrate(db);
    if (applied.length) logger.log('info', 'migrations applied', { versions: applied });
    bootstrapToken = await bootstrapAdmin(db, config.adminToken);
  } catch (err) {
    await db.close();
    unlock();
    throw err;
  }
  const state: ServerState = { shuttingDown: false, inFlight: 0 };
  const app = createApp({ db, logger, maxUploadSize: config.maxUploadSize, secureCookies: config.secureCookies, metrics: new Metrics() }, state);
  const server: ServerType = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
    // Idle keep-alive connections outlive a load balancer's idle timeout (AWS ALB: 60 s), so the
    // balancer, not the server, closes them: otherwise a request sent as the server closes fails (502).
    const http = s as unknown as { keepAliveTimeout: number; headersTimeout: number };
    http.keepAliveTimeout = 65_000;
    http.headersTimeout = 66_000;
    s.once('error', reject);
  }).catch(async (err: unknown) => {
    await db.close();
    unlock();
    throw err;
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.log('info', 'listening', { url, database: db.kind });
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      state.shuttingDown = true;
      logger.log('info', 'shutting down', { inFlight: state.inFlight });
      await new Promise<void>((resolve) => {
        const conns = server as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
        // Keep-alive connections that go idle once their last request is answered are closed as they
        // do, so shutdown takes as long as the slowest in-flight request, not the keep-alive timeout.
        const idle = setInterval(() => conns.closeIdleConnections?.(), 50);
        const timer = setTimeout(() => {
          clearInterval(idle);
          conns.closeAllConnections?.();
          resolve();
        }, config.shutdownTimeoutMs);
        server.close(() => {
          clearTimeout(timer);
          clearInterval(idle);
          resolve();
        });
        conns.closeIdleConnections?.();
      });
      await db.close();
      unlock();
      logger.log('info', 'stopped');
    })());
  return { url, db, bootstrapToken, close };
}
