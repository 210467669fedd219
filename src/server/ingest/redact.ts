/**
 * Every free-text field is passed through the same redaction as aigis reports (src/secrets/redact-text.ts)
 * before it is stored: aigis reports are already redacted, SARIF and BOMs from other tools may quote a
 * credential in a message or a property, and the server must never hold one in clear.
 */
import { redactSecretsIn } from '../../secrets/redact-text.js';
import { cut, MAX_SHORT, MAX_TEXT } from './limits.js';

export function clean(value: unknown, max = MAX_TEXT): string | undefined {
  const s = cut(value, max);
  return s === undefined ? undefined : redactSecretsIn(s);
}

export function cleanShort(value: unknown): string | undefined {
  return clean(value, MAX_SHORT);
}

/** Redacts every string inside a JSON value (asset properties, alert fields), keys and values. */
export function cleanJson(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return clean(value);
  if (depth > 16 || value === null || typeof value !== 'object') return typeof value === 'number' || typeof value === 'boolean' || value === null ? value : undefined;
  if (Array.isArray(value)) return value.slice(0, 1000).map((v) => cleanJson(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value).slice(0, 1000)) out[clean(k, MAX_SHORT)!] = cleanJson(v, depth + 1);
  return out;
}
