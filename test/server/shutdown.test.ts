/**
 * Graceful shutdown: a request already being received when shutdown starts still completes and is
 * stored; new connections are refused; the database closes after the last request.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/server/log.js';
import { startServer } from '../../src/server/start.js';
import { aigisReport } from './fixtures.js';

const ADMIN = 'aigis_shutdown-test-admin-token-000000000000000';

describe('aigis serve shutdown', () => {
  it('finishes the in-flight upload, then stops accepting', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0, dataDir: 'memory://', maxUploadSize: 1 << 20, secureCookies: 'never', adminToken: ADMIN, poolSize: 1, shutdownTimeoutMs: 30_000, logger: silentLogger });
    const body = new TextEncoder().encode(JSON.stringify(aigisReport([{ rule: 'a/one', path: 'x' }], 1)));
    let sendRest!: () => void;
    const rest = new Promise<void>((r) => (sendRest = r));
    let started!: () => void;
    const requestStarted = new Promise<void>((r) => (started = r));
    // The body arrives in two halves: the server has the request when shutdown begins, not all of it.
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(body.slice(0, 100));
        started();
        await rest;
        controller.enqueue(body.slice(100));
        controller.close();
      },
    });
    const upload = fetch(`${server.url}/api/v1/reports?project=p`, { method: 'POST', body: stream, headers: { authorization: `Bearer ${ADMIN}` }, duplex: 'half' } as RequestInit);
    await requestStarted;
    await new Promise((r) => setTimeout(r, 200));
    const closed = server.close();
    sendRest();
    const res = await upload;
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ findings: 1, duplicate: false });
    await closed;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
