/**
 * A local JWT gateway built with `jose`, in correct and deliberately broken configurations (each a
 * mistake seen in real gateways). Every correct one must come out clean, every broken one caught with
 * its rule, and a gateway that refuses the valid token must be inconclusive, not a pass.
 */
import { createHmac, randomBytes, timingSafeEqual, type webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/probe/engine.js';
import { parseTarget } from '../../src/probe/targets.js';

const ISS = 'https://issuer.example.test';
const AUD = 'ai-gateway';
const enc = new TextEncoder();
/** A strong random HMAC secret, as text: the form --jwt-key takes it in (a secret file or a literal). */
const strongText = randomBytes(32).toString('base64url');
const strong = enc.encode(strongText);
let rsa: { publicKey: webcrypto.CryptoKey; privateKey: webcrypto.CryptoKey };
let publicJwk: jose.JWK;
let publicPem: string;
let privatePem: string;
const keysDir = mkdtempSync(path.join(os.tmpdir(), 'aigis-jwt-keys-'));

type Verify = (token: string) => Promise<boolean>;
const servers: http.Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  rmSync(keysDir, { recursive: true, force: true });
});

async function gateway(verify: Verify, opts: { crashOnMalformed?: boolean } = {}): Promise<string> {
  const server = http.createServer(async (req, res) => {
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    try {
      if (opts.crashOnMalformed) jose.decodeProtectedHeader(token); // throws on garbage, uncaught below
      let ok = false;
      try {
        ok = token !== '' && (await verify(token));
      } catch {
        ok = false;
      }
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json', ...(ok ? {} : { 'www-authenticate': 'Bearer error="invalid_token"' }) });
      res.end(JSON.stringify(ok ? { object: 'list', data: [] } : { error: 'invalid_token' }));
    } catch {
      res.writeHead(500).end('internal error');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/models`;
}

const claims = { sub: 'alice', scope: 'models:read' };
const hsToken = (key: Uint8Array, kid?: string) =>
  new jose.SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT', ...(kid ? { kid } : {}) }).setIssuer(ISS).setAudience(AUD).setIssuedAt().setExpirationTime('1h').sign(key);
const rsToken = () => new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'k1' }).setIssuer(ISS).setAudience(AUD).setIssuedAt().setExpirationTime('1h').sign(rsa.privateKey);

const strict = { algorithms: ['HS256'], issuer: ISS, audience: AUD };

async function check(url: string, token: string, extra: { publicKeys?: jose.JWK[]; signingKey?: string } = {}) {
  const r = await runProbe([parseTarget(url)], { fingerprints: [], timeoutMs: 3000, jwt: { token, publicKeys: extra.publicKeys ?? [], signingKey: extra.signingKey } });
  return { rules: [...new Set(r.findings.map((f) => f.ruleId))].sort(), result: r };
}

beforeAll(async () => {
  rsa = (await jose.generateKeyPair('RS256', { extractable: true })) as typeof rsa;
  publicJwk = { ...(await jose.exportJWK(rsa.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  publicPem = await jose.exportSPKI(rsa.publicKey);
  privatePem = await jose.exportPKCS8(rsa.privateKey);
  writeFileSync(path.join(keysDir, 'main'), strong);
});

describe('correct gateways come out clean', () => {
  it('HS256 with a strong key, algorithm allow-list, iss and aud (claims tested with --jwt-key)', async () => {
    const url = await gateway((t) => jose.jwtVerify(t, strong, strict).then(() => true));
    const { rules, result } = await check(url, await hsToken(strong), { signingKey: strongText });
    expect(rules).toEqual([]);
    expect(result.assets.find((a) => a.properties.auth === 'jwt')?.properties.jwtResult).toBe('all-forgeries-rejected');
    expect(result.notes.some((n) => /variants signed with --jwt-key/.test(n.message))).toBe(true);
  });
  it('RS256 with a fixed JWKS (key confusion, header keys and claims all rejected)', async () => {
    const jwks = jose.createLocalJWKSet({ keys: [publicJwk] });
    const url = await gateway((t) => jose.jwtVerify(t, jwks, { algorithms: ['RS256'], issuer: ISS, audience: AUD }).then(() => true));
    const { rules } = await check(url, await rsToken(), { publicKeys: [publicJwk], signingKey: privatePem });
    expect(rules).toEqual([]);
  });
});

describe('broken gateways are caught', () => {
  it('accepts anything (no auth at all)', async () => {
    const url = await gateway(async () => true);
    const { rules } = await check(url, await hsToken(strong));
    expect(rules).toContain('probe/jwt-missing-token-accepted');
    expect(rules).toContain('probe/jwt-signature-not-verified');
  });

  it('decodes without verifying', async () => {
    const url = await gateway(async (t) => typeof jose.decodeJwt(t).sub === 'string');
    const { rules } = await check(url, await hsToken(strong));
    expect(rules).toEqual(expect.arrayContaining(['probe/jwt-signature-not-verified', 'probe/jwt-alg-none-accepted', 'probe/jwt-expired-accepted', 'probe/jwt-audience-not-validated', 'probe/jwt-issuer-not-validated']));
    expect(rules).not.toContain('probe/jwt-missing-token-accepted');
  });

  it('blocks "none" case-sensitively but treats other casings as unsigned', async () => {
    const url = await gateway(async (t) => {
      const { alg } = jose.decodeProtectedHeader(t);
      if (alg !== 'none' && alg?.toLowerCase() === 'none') return true;
      return jose.jwtVerify(t, strong, strict).then(() => true);
    });
    const { rules, result } = await check(url, await hsToken(strong));
    expect(rules).toEqual(['probe/jwt-alg-none-accepted']);
    const ev = result.findings[0].evidence!;
    expect(ev).toContain('alg-none:NONE');
    expect(ev).not.toContain('alg-none:none ');
  });

  it('uses a weak HMAC secret', async () => {
    const weak = enc.encode('secret');
    const url = await gateway((t) => jose.jwtVerify(t, weak, strict).then(() => true));
    const { rules, result } = await check(url, await hsToken(weak));
    expect(rules).toEqual(['probe/jwt-weak-hmac-key']);
    expect(JSON.stringify(result.findings)).not.toMatch(/weak-hmac:secret/);
  });

  it('does not check exp or nbf', async () => {
    const url = await gateway(async (t) => {
      const { payload } = await jose.compactVerify(t, strong, { algorithms: ['HS256'] });
      const p = JSON.parse(new TextDecoder().decode(payload)) as jose.JWTPayload;
      return p.iss === ISS && p.aud === AUD;
    });
    const { rules } = await check(url, await hsToken(strong), { signingKey: strongText });
    expect(rules).toEqual(['probe/jwt-expired-accepted', 'probe/jwt-nbf-ignored']);
  });

  it('does not check the audience', async () => {
    const url = await gateway((t) => jose.jwtVerify(t, strong, { algorithms: ['HS256'], issuer: ISS }).then(() => true));
    const { rules } = await check(url, await hsToken(strong), { signingKey: strongText });
    expect(rules).toEqual(['probe/jwt-audience-not-validated']);
  });

  it('does not check the issuer', async () => {
    const url = await gateway((t) => jose.jwtVerify(t, strong, { algorithms: ['HS256'], audience: AUD }).then(() => true));
    const { rules } = await check(url, await hsToken(strong), { signingKey: strongText });
    expect(rules).toEqual(['probe/jwt-issuer-not-validated']);
  });

  it('lets the token pick HS256 and verifies it with the RSA public key (algorithm confusion)', async () => {
    const url = await gateway(async (t) => {
      const { alg } = jose.decodeProtectedHeader(t);
      const key = alg?.startsWith('HS') ? enc.encode(publicPem) : rsa.publicKey;
      return jose.jwtVerify(t, key, { issuer: ISS, audience: AUD }).then(() => true);
    });
    const { rules } = await check(url, await rsToken(), { publicKeys: [publicJwk] });
    expect(rules).toEqual(['probe/jwt-key-confusion']);
  });

  it('trusts the key embedded in the token header (jose EmbeddedJWK)', async () => {
    const url = await gateway((t) => jose.jwtVerify(t, jose.EmbeddedJWK, { issuer: ISS, audience: AUD }).then(() => true));
    const { privateKey, publicKey } = await jose.generateKeyPair('RS256');
    const token = await new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', jwk: await jose.exportJWK(publicKey) }).setIssuer(ISS).setAudience(AUD).setExpirationTime('1h').sign(privateKey);
    const { rules } = await check(url, token);
    expect(rules).toContain('probe/jwt-header-key-injection');
  });

  it('reads the HMAC key from a file named by kid (path traversal)', async () => {
    const url = await gateway(async (t) => {
      const { kid } = jose.decodeProtectedHeader(t);
      const key = readFileSync(path.join(keysDir, String(kid))); // the bug: kid is a path
      const [h, p, s] = t.split('.');
      const mac = createHmac('sha256', key).update(`${h}.${p}`).digest();
      const sig = Buffer.from(s, 'base64url');
      if (sig.length !== mac.length || !timingSafeEqual(sig, mac)) return false;
      const payload = jose.decodeJwt(t);
      return payload.iss === ISS && payload.aud === AUD && (payload.exp ?? 0) * 1000 > Date.now();
    });
    const { rules } = await check(url, await hsToken(strong, 'main'));
    expect(rules).toEqual(['probe/jwt-kid-injection']);
  });

  it('crashes with 500 on malformed tokens', async () => {
    const url = await gateway((t) => jose.jwtVerify(t, strong, strict).then(() => true), { crashOnMalformed: true });
    const { rules } = await check(url, await hsToken(strong));
    expect(rules).toEqual(['probe/jwt-server-error']);
  });
});

describe('the positive control', () => {
  it('a gateway that refuses the valid token is inconclusive, not a pass', async () => {
    const url = await gateway((t) => jose.jwtVerify(t, randomBytes(32), strict).then(() => true));
    const { rules, result } = await check(url, await hsToken(strong));
    expect(rules).toEqual([]);
    expect(result.notes.some((n) => n.level === 'warning' && /inconclusive/.test(n.message))).toBe(true);
    expect(result.assets.find((a) => a.properties.auth === 'jwt')?.properties.jwtResult).toBe('inconclusive');
  });
  it('without a signing key the claim variants are skipped with a note', async () => {
    const url = await gateway((t) => jose.jwtVerify(t, strong, strict).then(() => true));
    const { rules, result } = await check(url, await hsToken(strong));
    expect(rules).toEqual([]);
    expect(result.notes.some((n) => /--jwt-key/.test(n.message))).toBe(true);
  });
});
