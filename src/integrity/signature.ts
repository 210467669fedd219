/**
 * Offline verification of an OpenSSF model-signing signature made with an elliptic-curve key: a
 * sigstore bundle (v0.3 JSON) whose `dsseEnvelope` carries the in-toto statement. The signature is
 * ECDSA (DER) over the DSSE pre-authentication encoding, with the hash that matches the curve
 * (P-256 → SHA-256, P-384 → SHA-384, P-521 → SHA-512), as model_signing's key signer produces it.
 * Transparency-log and certificate checks (keyless Sigstore) are out of scope: they need the network.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { IN_TOTO_PAYLOAD_TYPE, ManifestError } from './manifest.js';

export class SignatureError extends Error {}

const CURVE_HASH: Record<string, string> = { prime256v1: 'sha256', secp384r1: 'sha384', secp521r1: 'sha512' };

/** DSSE v1 pre-authentication encoding. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

export function loadPublicKey(material: Buffer | string): KeyObject {
  let key: KeyObject;
  try {
    const text = Buffer.isBuffer(material) ? material.toString('utf8') : material;
    key = text.includes('-----BEGIN') ? createPublicKey(text) : createPublicKey({ key: Buffer.from(material), format: 'der', type: 'spki' });
  } catch (e) {
    throw new SignatureError(`cannot read the public key: ${(e as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ec') throw new SignatureError(`only elliptic-curve public keys are supported (got ${key.asymmetricKeyType})`);
  const curve = key.asymmetricKeyDetails?.namedCurve ?? '';
  if (!CURVE_HASH[curve]) throw new SignatureError(`unsupported curve ${curve} (use P-256, P-384 or P-521)`);
  return key;
}

/** model_signing's key hint: SHA-256 (hex) of the PEM SubjectPublicKeyInfo encoding. */
export function keyHint(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'pem' })).digest('hex');
}

interface Bundle {
  mediaType?: string;
  verificationMaterial?: { publicKey?: { hint?: string } };
  dsseEnvelope?: { payload?: string; payloadType?: string; signatures?: { sig?: string; keyid?: string }[] };
}

/** Verifies the bundle against `publicKey` and returns the signed in-toto statement. */
export function verifyBundle(bundleText: string, publicKey: KeyObject): Record<string, unknown> {
  let bundle: Bundle;
  try {
    bundle = JSON.parse(bundleText);
  } catch (e) {
    throw new SignatureError(`signature is not a JSON sigstore bundle: ${(e as Error).message}`);
  }
  const env = bundle.dsseEnvelope;
  if (!env || typeof env.payload !== 'string' || !Array.isArray(env.signatures) || env.signatures.length === 0) {
    throw new SignatureError('bundle has no DSSE envelope with a signature');
  }
  if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE) throw new SignatureError(`unexpected DSSE payloadType ${JSON.stringify(env.payloadType)}`);
  const hint = bundle.verificationMaterial?.publicKey?.hint;
  if (hint && hint !== keyHint(publicKey)) throw new SignatureError("key mismatch: the bundle's public-key hint does not match the given key");
  const hash = CURVE_HASH[publicKey.asymmetricKeyDetails?.namedCurve ?? ''];
  const payloadType = env.payloadType;
  const payload = candidates(env.payload).find((p) =>
    env.signatures!.some((s) => candidates(String(s.sig ?? '')).some((sig) => verify(hash, pae(payloadType, p), { key: publicKey, dsaEncoding: 'der' }, sig))),
  );
  if (!payload) throw new SignatureError('signature does not verify with the given public key (content or signature changed, or wrong key)');
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch {
    throw new ManifestError('signed payload is not JSON');
  }
}

/** The decoded bytes; also the doubly base64-encoded form some protobuf-JSON writers produce. */
function candidates(b64: string): Buffer[] {
  const once = Buffer.from(b64, 'base64');
  const out = [once];
  const text = once.toString('latin1');
  if (/^[A-Za-z0-9+/]+=*$/.test(text)) out.push(Buffer.from(text, 'base64'));
  return out;
}
