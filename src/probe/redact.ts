/**
 * Redaction of what remote services answer: a probe shows enough to prove the exposure, never the
 * secret itself (core/redact keeps a short prefix and the length).
 */
import { redact } from '../core/redact.js';

/** Field names whose values are secrets whatever they look like. */
const SECRET_KEY = /(?:^|_|-|\b)(?:api[_-]?key|apikey|token|access[_-]?token|refresh[_-]?token|secret|password|passwd|pwd|authorization|auth|credential|private[_-]?key|session[_-]?key|cookie)s?$/i;

/** Secret-looking values inside free text (keys of common AI providers, JWTs, cloud keys, bearer tokens). */
const SECRET_VALUE: RegExp[] = [
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  /\b(?:sk|pk|rk)-(?:proj-|ant-|or-)?[A-Za-z0-9_-]{16,}/g,
  /\bhf_[A-Za-z0-9]{20,}/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{30,}/g,
  /\bxox[abpr]-[A-Za-z0-9-]{10,}/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
];
const ASSIGNMENT = /\b([A-Za-z0-9_.-]*(?:api[_-]?key|token|secret|password|passwd)[A-Za-z0-9_]*)(["']?\s*[=:]\s*["']?)([^\s"',;&]{4,})/gi;
const BEARER = /\b(Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{8,})/g;
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)([^/@\s:]+):([^/@\s]+)@/gi;

export function redactText(text: string): string {
  let out = text.replace(URL_USERINFO, (_m, scheme: string, user: string, pass: string) => `${scheme}${user}:${redact(pass)}@`);
  out = out.replace(ASSIGNMENT, (_m, k: string, sep: string, v: string) => `${k}${sep}${redact(v)}`);
  out = out.replace(BEARER, (_m, kind: string, v: string) => `${kind} ${redact(v)}`);
  for (const r of SECRET_VALUE) out = out.replace(r, (m) => redact(m));
  return out;
}

/** One JSON value shown as evidence: whole value redacted under a secret field name, else scanned. */
export function redactValue(key: string, value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  if (SECRET_KEY.test(key) && text.length > 0) return redact(text);
  // Redact before clipping: a clipped secret would no longer look like one.
  const red = redactText(text);
  return red.length > 120 ? `${red.slice(0, 120)}…` : red;
}
