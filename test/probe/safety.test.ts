import { afterAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/probe/engine.js';
import { assertSafe, UnsafeRequestError } from '../../src/probe/http.js';
import { parseTarget } from '../../src/probe/targets.js';
import { DECOYS, SERVICES, startFake, type FakeServer, type Route } from './fake-services.js';

const servers: FakeServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const ALLOWED = new Set(['GET', 'HEAD', 'OPTIONS']);
const HANDSHAKE = new Set(['initialize', 'notifications/initialized', 'tools/list']);

/** One server that is every service at once: the most requests probe could ever be tempted to send. */
const everything: Route = (req) => {
  for (const svc of Object.values(SERVICES)) {
    const a = svc.open(req);
    if (a && a.status < 400 && !a.stream) return a;
  }
  return DECOYS['not-found-everywhere'](req);
};

describe('probe is never intrusive', () => {
  it('sends only GET/HEAD/OPTIONS, and POST only for the MCP handshake, within the default budget', async () => {
    const s = await startFake(everything);
    servers.push(s);
    const result = await runProbe([parseTarget(s.url)], { timeoutMs: 3000 });
    expect(result.findings.length).toBeGreaterThan(10);
    expect(s.log.length).toBeGreaterThan(20);
    for (const r of s.log) {
      if (r.method === 'POST') expect(HANDSHAKE.has(r.rpc ?? '')).toBe(true);
      else expect(ALLOWED.has(r.method)).toBe(true);
    }
    expect(s.log.length).toBeLessThanOrEqual(48);
    expect(result.stats.requests).toBe(s.log.length);
  });

  it('stays within a small --max-requests and says what it skipped', async () => {
    for (const budget of [1, 5, 12]) {
      const s = await startFake(everything);
      servers.push(s);
      const result = await runProbe([parseTarget(s.url)], { timeoutMs: 3000, maxRequests: budget });
      expect(s.log.length).toBeLessThanOrEqual(budget);
      expect(result.notes.some((n) => /request budget of \d+ reached/.test(n.message))).toBe(true);
    }
  });

  it('refuses to build any other request', () => {
    expect(() => assertSafe({ method: 'DELETE' as 'GET', url: 'http://127.0.0.1/' })).toThrow(UnsafeRequestError);
    expect(() => assertSafe({ method: 'POST', url: 'http://127.0.0.1/mcp', json: { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'run_shell' } } })).toThrow(UnsafeRequestError);
    expect(() => assertSafe({ method: 'POST', url: 'http://127.0.0.1/api/jobs/', json: { entrypoint: 'id' } })).toThrow(UnsafeRequestError);
    expect(() => assertSafe({ method: 'GET', url: 'http://127.0.0.1/', json: {} })).toThrow(UnsafeRequestError);
    expect(() => assertSafe({ method: 'POST', url: 'http://127.0.0.1/mcp', json: { jsonrpc: '2.0', id: 1, method: 'initialize' } })).not.toThrow();
  });

  it('sends a clear User-Agent and bounds concurrency across targets', async () => {
    let inFlight = 0;
    let peak = 0;
    const agents = new Set<string>();
    const http = await import('node:http');
    const server = http.createServer((req, res) => {
      agents.add(String(req.headers['user-agent']));
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(404).end();
      }, 5);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as import('node:net').AddressInfo).port;
    const targets = Array.from({ length: 6 }, (_, i) => parseTarget(`http://127.0.0.1:${port}/t${i}`));
    await runProbe(targets, { concurrency: 3, timeoutMs: 3000 });
    await new Promise<void>((r) => server.close(() => r()));
    expect(peak).toBeLessThanOrEqual(3);
    expect([...agents]).toHaveLength(1);
    expect([...agents][0]).toMatch(/^aigis-probe\/\d+\.\d+\.\d+ /);
  });

  it('a per-request timeout ends a server that never answers', async () => {
    const http = await import('node:http');
    const server = http.createServer(() => {
      /* never answers */
    });
    const sockets = new Set<import('node:net').Socket>();
    server.on('connection', (c) => sockets.add(c));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as import('node:net').AddressInfo).port;
    const result = await runProbe([parseTarget(`127.0.0.1:${port}`)], { timeoutMs: 300 });
    for (const c of sockets) c.destroy();
    await new Promise<void>((r) => server.close(() => r()));
    expect(result.stats.unreachable).toBe(1);
    expect(result.notes[0].message).toMatch(/no answer within 300 ms/);
  });
});
