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
  if (!config.databaseUrl && config.dataDir !== 'memory://') mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize });
  const applied = await migrate(db);
  if (applied.length) logger.log('info', 'migrations applied', { versions: applied });
  const bootstrapToken = await bootstrapAdmin(db, config.adminToken);
  const state: ServerState = { shuttingDown: false, inFlight: 0 };
  const app = createApp({ db, logger, maxUploadSize: config.maxUploadSize, secureCookies: config.secureCookies, metrics: new Metrics() }, state);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
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
        const timer = setTimeout(() => {
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          resolve();
        }, config.shutdownTimeoutMs);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      });
      await db.close();
      logger.log('info', 'stopped');
    })());
  return { url, db, bootstrapToken, close };
}
