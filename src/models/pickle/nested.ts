/**
 * Pickles hidden inside a string or bytes argument of another pickle: raw, base64 or hex. Python
 * only runs them when something in the outer stream calls a loader (itself a denylisted global),
 * but scanners that ignore them miss the payload's real intent, so the walker follows them.
 */
import type { PValue } from './walker.js';

export interface NestedPickle {
  bytes: Buffer;
  encoding: 'raw' | 'base64' | 'hex';
}

const MIN_LEN = 8;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;
/** Protocol 0/1 text pickles that import something straight away. */
const TEXT_PICKLE = /^\(?(?:\(|\}|\]|\))*[ci][\p{L}_][\p{L}\p{N}_.]*\n[\p{L}_][\p{L}\p{N}_.]*\n/u;

/** True when `b` starts like a pickle stream worth walking. */
export function looksLikePickleBytes(b: Buffer): boolean {
  if (b.length < 4) return false;
  if (b[0] === 0x80) return b[1] >= 2 && b[1] <= 5 && b[b.length - 1] === 0x2e; // PROTO … STOP
  return TEXT_PICKLE.test(b.subarray(0, 512).toString('latin1'));
}

/**
 * Encoded pickles start with known prefixes: base64 of `\x80\x02..\x05` is `gA…`, of `c`/`(`/`i`/`}`/`]`
 * is `Y`/`K`/`a`/`f`/`X`; hex is `80`, `63`, `28`, `69`, `7d`, `5d`. Checked before any decoding so
 * that ordinary strings cost one regex test.
 */
const B64_PREFIX = /^(gA|[YKafX])/;
const HEX_PREFIX = /^(80|63|28|69|7d|5d)/i;
const RAW_FIRST = new Set([0x80, 0x28, 0x63, 0x69, 0x7d, 0x5d, 0x29]);

export function findNestedPickle(v: PValue): NestedPickle | undefined {
  let raw: Buffer | undefined;
  let text: string | undefined;
  if (v.t === 'str') {
    if (v.s.length < MIN_LEN) return undefined;
    if (RAW_FIRST.has(v.s.charCodeAt(0))) raw = Buffer.from(v.s, 'latin1');
    text = v.s;
  } else if (v.t === 'bytes' && v.b) {
    if (v.b.length < MIN_LEN) return undefined;
    raw = v.b;
    // Only treat bytes as text when they start like base64/hex, to avoid decoding large blobs.
    const head = v.b.subarray(0, 16).toString('latin1');
    if (BASE64.test(head) || HEX.test(head)) text = v.b.toString('latin1');
  } else {
    return undefined;
  }
  if (raw && looksLikePickleBytes(raw)) return { bytes: raw, encoding: 'raw' };
  if (text === undefined) return undefined;
  const hexCandidate = text.length >= 16 && HEX_PREFIX.test(text);
  const b64Candidate = text.length >= 12 && B64_PREFIX.test(text);
  if (!hexCandidate && !b64Candidate) return undefined;
  const compact = /\s/.test(text) ? text.replace(/\s+/g, '') : text;
  if (hexCandidate && HEX.test(compact)) {
    const b = Buffer.from(compact, 'hex');
    if (looksLikePickleBytes(b)) return { bytes: b, encoding: 'hex' };
  }
  if (b64Candidate && BASE64.test(compact)) {
    const b = Buffer.from(compact, compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64');
    if (looksLikePickleBytes(b)) return { bytes: b, encoding: 'base64' };
  }
  return undefined;
}
