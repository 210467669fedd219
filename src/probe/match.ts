/**
 * Response matching and evidence extraction for fingerprints: pure functions over one response.
 * Bodies may be JSON or an SSE stream whose first `data:` line carries JSON (MCP streamable HTTP).
 */
import type { HttpResponse } from './http.js';
import type { ResponseMatch } from './types.js';
import { redactText, redactValue } from './redact.js';

const regexCache = new Map<string, RegExp>();
function re(source: string): RegExp {
  let r = regexCache.get(source);
  if (!r) {
    r = new RegExp(source, 'im');
    regexCache.set(source, r);
  }
  return r;
}

const parsed = new WeakMap<HttpResponse, { doc: unknown }>();

/** The JSON document of a response, if it carries one (plain JSON or the first SSE data event); parsed once. */
export function jsonOf(res: HttpResponse): unknown {
  let memo = parsed.get(res);
  if (!memo) {
    memo = { doc: parseJson(res) };
    parsed.set(res, memo);
  }
  return memo.doc;
}

function parseJson(res: HttpResponse): unknown {
  const text = res.body.trimStart();
  if (text.startsWith('{') || text.startsWith('[') || text.startsWith('"')) {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  const data = /^data:\s?(.*)$/m.exec(res.body);
  if (data) {
    try {
      return JSON.parse(data[1]);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Values at a dotted path; `*` walks every element of an array or every value of an object. */
export function valuesAt(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const v of current) {
      if (v === null || typeof v !== 'object') continue;
      if (key === '*') next.push(...(Array.isArray(v) ? v : Object.values(v)));
      else if (Object.hasOwn(v, key)) next.push((v as Record<string, unknown>)[key]);
    }
    current = next;
    if (!current.length) break;
  }
  return current;
}

export function matches(m: ResponseMatch, res: HttpResponse | undefined): boolean {
  if (!res) return false;
  if (m.status && !m.status.includes(res.status)) return false;
  for (const [name, pattern] of Object.entries(m.headers ?? {})) {
    const v = res.headers[name.toLowerCase()];
    if (v === undefined || !re(pattern).test(v)) return false;
  }
  for (const pattern of m.body ?? []) if (!re(pattern).test(res.body)) return false;
  if (m.json?.length) {
    const doc = jsonOf(res);
    if (doc === undefined) return false;
    for (const p of m.json) if (!valuesAt(doc, p).length) return false;
  }
  return true;
}

const MAX_VALUES = 8;
const MAX_EVIDENCE = 400;

/**
 * Evidence for an open endpoint: the request line, the status and the chosen JSON fields with
 * secrets redacted (field names that hold secrets, and secret-looking values anywhere).
 */
export function evidenceOf(
  line: string,
  res: HttpResponse,
  paths: string[] | undefined,
  other: (requestId: string) => HttpResponse | undefined,
): string {
  const parts: string[] = [`${line} → ${res.status}`];
  const doc = jsonOf(res);
  for (const spec of paths ?? []) {
    const [reqId, path] = spec.includes(':') ? spec.split(':', 2) : [undefined, spec];
    const src = reqId ? other(reqId) : res;
    const sdoc = reqId ? (src ? jsonOf(src) : undefined) : doc;
    if (sdoc === undefined) continue;
    const values = valuesAt(sdoc, path);
    if (!values.length) continue;
    const lastKey = path.split('.').filter((k) => k !== '*').pop() ?? path;
    const shown = values.slice(0, MAX_VALUES).map((v) => redactValue(lastKey, v));
    parts.push(`${path}: ${shown.join(', ')}${values.length > MAX_VALUES ? ` (+${values.length - MAX_VALUES})` : ''}`);
  }
  if (parts.length === 1 && doc === undefined && res.body) parts.push(redactText(res.body.slice(0, 160).replace(/\s+/g, ' ').trim()));
  const text = parts.join('; ');
  return text.length > MAX_EVIDENCE ? `${text.slice(0, MAX_EVIDENCE)}…` : text;
}
