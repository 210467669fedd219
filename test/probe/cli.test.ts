import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as jose from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { endpointsFromReport, parseTarget, parseTargetsFile } from '../../src/probe/targets.js';
import { SERVICES, startFake, type FakeServer } from './fake-services.js';

const root = path.resolve(__dirname, '../..');
// `npm test` builds dist/ before vitest runs (see package.json).
const cli = path.join(root, 'dist/cli/main.js');
const servers: FakeServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** Async on purpose: the fake servers live in this process and must keep answering while the CLI runs. */
function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, AIGIS_PROBE_JWT: '' } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('target parsing', () => {
  it('URLs, host:port and base paths', () => {
    expect(parseTarget('127.0.0.1:8265')).toMatchObject({ origin: 'http://127.0.0.1:8265', base: '' });
    expect(parseTarget('https://127.0.0.1:8443/mlflow/')).toMatchObject({ origin: 'https://127.0.0.1:8443', base: '/mlflow' });
    expect(() => parseTarget('ftp://127.0.0.1/')).toThrow(/only http and https/);
    expect(() => parseTarget('http://user:pw@127.0.0.1/')).toThrow(/credentials/);
    expect(parseTargetsFile('# ai hosts\n127.0.0.1:1\n\nhttp://127.0.0.1:2  # ollama\n')).toEqual(['127.0.0.1:1', 'http://127.0.0.1:2']);
  });
  it('endpoints from an aigis JSON report: asset and finding URLs, http(s) only', () => {
    const report = {
      assets: [
        { id: 'mcp-server:x', locations: [{ path: 'mcp.json', startLine: 3 }], properties: { url: 'http://127.0.0.1:3000/mcp', transport: 'http' } },
        { id: 'llm-provider:ollama', locations: [{ url: 'http://127.0.0.1:11434' }], properties: {} },
        { id: 'x', locations: [], properties: { endpoint: 'file:///etc/passwd', baseUrl: 'http://127.0.0.1:11434' } },
      ],
      findings: [{ location: { url: 'https://127.0.0.1:8443/' } }],
    };
    expect(endpointsFromReport(report)).toEqual(['http://127.0.0.1:3000/mcp', 'http://127.0.0.1:11434', 'https://127.0.0.1:8443/']);
    expect(endpointsFromReport('nonsense')).toEqual([]);
  });
});

describe('aigis probe (built CLI)', () => {
  it('JSON report, --fail-on exit code, --targets and --from-report', async () => {
    const ray = await startFake(SERVICES.ray.open);
    const qdrant = await startFake(SERVICES.qdrant.protected!);
    const mcp = await startFake(SERVICES['mcp-http'].open);
    servers.push(ray, qdrant, mcp);
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-probe-'));
    writeFileSync(path.join(dir, 'targets.txt'), `# lab\n${qdrant.url}\n`);
    writeFileSync(path.join(dir, 'bom.json'), JSON.stringify({ assets: [{ id: 'mcp-server:fs', kind: 'mcp-server', locations: [{ path: '.mcp.json' }], properties: { url: `${mcp.url}/mcp` } }], findings: [] }));
    const r = await run(['probe', ray.url, '--targets', path.join(dir, 'targets.txt'), '--from-report', path.join(dir, 'bom.json'), '--format', 'json', '--fail-on', 'critical', '-q']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.command).toBe('probe');
    expect(report.target.type).toBe('endpoints');
    const ids = report.findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['probe/ray-dashboard-unauthenticated', 'probe/ray-jobs-api-unauthenticated', 'probe/mcp-streamable-http-unauthenticated']));
    expect(report.assets.find((a: { properties: { service?: string } }) => a.properties.service === 'qdrant').properties.auth).toBe('required');
    expect(report.rules.map((x: { id: string }) => x.id)).toContain('probe/ray-dashboard-unauthenticated');
  });

  it('SARIF output and exit 0 below --fail-on', async () => {
    const s = await startFake(SERVICES.metrics.open);
    servers.push(s);
    const r = await run(['probe', s.url, '--format', 'sarif', '--fail-on', 'high']);
    expect(r.code, r.stderr).toBe(0);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.runs[0].results[0].ruleId).toBe('probe/metrics-unauthenticated');
  });

  it('usage errors exit 2 with one line', async () => {
    const none = await run(['probe']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/name the endpoints/);
    const bad = await run(['probe', 'ftp://127.0.0.1/']);
    expect(bad.code).toBe(2);
    const jwt = await run(['probe', '127.0.0.1:1', '--jwt', 'not-a-jwt']);
    expect(jwt.code).toBe(2);
    expect(jwt.stderr).toMatch(/compact JWS/);
  });

  it('--jwt with --jwks FILE and --jwt-key FILE: key confusion and a missing exp check are named', async () => {
    const { publicKey, privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
    const pem = await jose.exportSPKI(publicKey);
    // Broken gateway: lets the token choose HS256 (public PEM as secret), and never checks exp.
    const gw = http.createServer(async (req, res) => {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      let ok = false;
      try {
        const { alg } = jose.decodeProtectedHeader(token);
        const key = alg?.startsWith('HS') ? new TextEncoder().encode(pem) : publicKey;
        await jose.compactVerify(token, key);
        ok = true;
      } catch {
        ok = false;
      }
      res.writeHead(ok ? 200 : 401).end();
    });
    await new Promise<void>((r) => gw.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(gw.address() as AddressInfo).port}/v1/chat`;
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-probe-jwt-'));
    writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...(await jose.exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] }));
    writeFileSync(path.join(dir, 'key.pem'), await jose.exportPKCS8(privateKey));
    const token = await new jose.SignJWT({ sub: 'alice' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuedAt().setExpirationTime('1h').sign(privateKey);
    const r = await run(['probe', url, '--jwt', token, '--jwks', path.join(dir, 'jwks.json'), '--jwt-key', path.join(dir, 'key.pem'), '--format', 'json', '-q']);
    await new Promise<void>((done) => gw.close(() => done()));
    expect(r.code, r.stderr).toBe(0);
    const ids = JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['probe/jwt-key-confusion', 'probe/jwt-expired-accepted', 'probe/jwt-nbf-ignored']));
    expect(ids).not.toContain('probe/jwt-signature-not-verified');
    expect(r.stdout).not.toContain(token);
  });

  it('aigis rules lists the probe rules', async () => {
    const r = await run(['rules', '--format', 'json']);
    const ids = JSON.parse(r.stdout).map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['probe/ray-dashboard-unauthenticated', 'probe/jwt-alg-none-accepted', 'probe/tls-certificate-invalid']));
  });
});
