import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/probe/engine.js';
import { parseTarget } from '../../src/probe/targets.js';
import { SERVICES } from './fake-services.js';

// Self-signed certificate made by fixtures/tls/make-cert.sh.
const dir = new URL('./fixtures/tls/', import.meta.url);
let server: https.Server;
let url: string;

beforeAll(async () => {
  server = https.createServer({ key: readFileSync(new URL('key.pem', dir)), cert: readFileSync(new URL('cert.pem', dir)) }, (req, res) => {
    const a = SERVICES.ollama.open({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    res.writeHead(a?.status ?? 404, a?.headers ?? {}).end(typeof a?.body === 'string' ? a.body : JSON.stringify(a?.body ?? ''));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('HTTPS targets', () => {
  it('a certificate problem is reported and stops the probe unless --insecure', async () => {
    const r = await runProbe([parseTarget(url)], { timeoutMs: 3000 });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['probe/tls-certificate-invalid']);
    expect(r.findings[0].evidence).toMatch(/SELF_SIGNED|DEPTH_ZERO/);
    expect(r.stats.requests).toBe(1);
  });
  it('--insecure continues, still reporting the certificate', async () => {
    const r = await runProbe([parseTarget(url)], { timeoutMs: 3000, insecure: true });
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['probe/ollama-unauthenticated', 'probe/tls-certificate-invalid']);
  });
});
