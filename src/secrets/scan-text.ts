/**
 * The matching engine over one text: keyword prefilter → regex → context and look-alike filters →
 * AWS pairing → overlap resolution. Pure: text in, raw matches (offsets, unredacted value) out.
 * Callers redact before anything leaves the analyzer.
 */
import { L, SECRET_RULES, type SecretRule } from './catalog.js';
import { insideBase64Blob, rejectReason } from './filters.js';
import { KeywordAutomaton } from './prefilter.js';

export interface RawMatch {
  rule: SecretRule;
  /** The secret itself (never output as is). */
  value: string;
  start: number;
  end: number;
  /** AWS pair: the secret access key found next to the key id. */
  partner?: { value: string; start: number; end: number };
}

interface CompiledRule {
  rule: SecretRule;
  /** Patterns; `leftBoundary` means the shared left boundary `L` was taken off and is checked in code. */
  regexes: { re: RegExp; leftBoundary: boolean }[];
  near?: RegExp;
  keyName?: RegExp;
  examples: Set<string>;
}

const DEFAULT_KEY_NAME =
  /api[_\-. ]?key|apikey|\bkey\b|_key\b|key["'`]?\s*[:=]|token|secret|password|passwd|\bpwd\b|auth|bearer|credential|x-api-key/i;

/** The nearest name before the value is a digest or an identifier, not a credential. */
const HASH_NAME =
  /(?:sha\d*|hash|digest|checksum|commit|revision|rev|etag|md5|fingerprint|uuid|guid|nonce|salt|\biv|run[_-]?id|trace[_-]?id|request[_-]?id|deployment[_-]?id|object[_-]?id|integrity|oid)$/i;

/** `run_id`, `deployment-id`, `model.id`, `projectId`: identifiers, not credentials. */
const ID_NAME = /(?:^|[_.-])id$/i;
const CAMEL_ID_NAME = /[a-z]Id$/;

/**
 * V8 evaluates a leading look-behind at every position before it can use the literal that follows
 * (`AKIA`, `sk-proj-`), which makes prefixed patterns ~10× slower. A pattern that starts with `L` and
 * then a literal is compiled without it and the boundary is checked on each match instead.
 */
function compilePattern(p: string, flags = ''): { re: RegExp; leftBoundary: boolean } {
  const strip = p.startsWith(L) && /^(?:[A-Za-z0-9_]|\(\?:[A-Za-z0-9])/.test(p.slice(L.length));
  return { re: new RegExp(strip ? p.slice(L.length) : p, `gd${flags}`), leftBoundary: strip };
}

function isTokenChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/** Same as `L`: start, a non-token character, or a `\n`/`\r`/`\t` escape just before. */
/** `\u003d` (JSON written by Go escapes `=`, `<`, `>`, `&`) or `%3D` (URL-encoding) just before. */
const ESCAPE_BEFORE = /(?:\\u00[0-9A-Fa-f]{2}|%[0-9A-Fa-f]{2})$/;
// eslint-disable-next-line no-control-regex -- ESC is exactly what an ANSI colour code starts with
const ANSI_BEFORE = /(?:\x1b|\\u001b|\\x1b|\\033)\[[0-9;]*m$/;

function leftBoundaryOk(text: string, start: number): boolean {
  if (start === 0 || !isTokenChar(text.charCodeAt(start - 1))) return true;
  const prev = text[start - 1];
  if ((prev === 'n' || prev === 'r' || prev === 't') && text[start - 2] === '\\') return true;
  if (ESCAPE_BEFORE.test(text.slice(Math.max(0, start - 6), start))) return true;
  return prev === 'm' && ANSI_BEFORE.test(text.slice(Math.max(0, start - 16), start));
}

export const COMPILED: CompiledRule[] = SECRET_RULES.map((rule) => ({
  rule,
  regexes: rule.patterns.map((p) => compilePattern(p, rule.flags)),
  near: rule.context ? new RegExp(rule.context.near, 'i') : undefined,
  keyName: rule.context?.keyName
    ? typeof rule.context.keyName === 'string'
      ? new RegExp(rule.context.keyName, 'i')
      : DEFAULT_KEY_NAME
    : undefined,
  examples: new Set(rule.examples ?? []),
}));

/**
 * Unique prefilter keywords (ASCII case-folded) → indexes into COMPILED. Keywords of prefixed formats
 * are case-sensitive (`AKIA`, not `akia`): the folded hit is confirmed with an exact search.
 */
export const KEYWORDS: { keyword: string; rules: number[]; exact: Map<string, number[]> }[] = (() => {
  const map = new Map<string, { rules: Set<number>; exact: Map<string, number[]> }>();
  COMPILED.forEach((c, i) => {
    const caseSensitive = !c.rule.context && !c.rule.flags?.includes('i');
    for (const k of c.rule.keywords) {
      const key = k.toLowerCase();
      const entry = map.get(key) ?? { rules: new Set<number>(), exact: new Map<string, number[]>() };
      if (caseSensitive) entry.exact.set(k, [...(entry.exact.get(k) ?? []), i]);
      else entry.rules.add(i);
      map.set(key, entry);
    }
  });
  return [...map].map(([keyword, e]) => ({ keyword, rules: [...e.rules], exact: e.exact }));
})();

const AUTOMATON = new KeywordAutomaton(KEYWORDS.map((k) => k.keyword));

/** Which rules may match, from the raw bytes (no decoding): a rule runs only if one of its keywords occurs. */
export function candidateRules(haystack: Buffer | string): Set<number> {
  const buf = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack;
  const out = new Set<number>();
  for (const id of AUTOMATON.find(buf)) {
    const k = KEYWORDS[id];
    for (const r of k.rules) out.add(r);
    for (const [exact, rules] of k.exact) {
      if (rules.every((r) => out.has(r))) continue;
      if (exact === k.keyword || buf.indexOf(exact) !== -1) for (const r of rules) out.add(r);
    }
  }
  return out;
}

/**
 * `value: …` under `- name: X` (Kubernetes env, compose, Actions, ECS) and `default = …` inside
 * `variable "x_api_key" {` (Terraform): the name is on the line above.
 */
const VALUE_ONLY = /^\s*-?\s*["']?(?:value|default)["']?\s*[:=]/i;

/** The value is the first string argument of a call on the same line: `cohere.Client("…")`. */
const CALL_ARG = /\(\s*["'`]$/;

function lineBefore(text: string, start: number, max = 160): string {
  const nl = text.lastIndexOf('\n', start - 1);
  const prefix = text.slice(Math.max(nl + 1, start - max), start);
  if (nl <= 0 || !VALUE_ONLY.test(prefix)) return prefix;
  const prev = text.slice(Math.max(text.lastIndexOf('\n', nl - 1) + 1, nl - max), nl);
  return `${prev} ${prefix}`;
}

/** Name-based and proximity checks of context rules. */
function contextHolds(c: CompiledRule, text: string, start: number, end: number): boolean {
  const spec = c.rule.context;
  if (!spec || !c.near) return true;
  const window = text.slice(Math.max(0, start - (spec.before ?? 300)), Math.min(text.length, end + (spec.after ?? 120)));
  // The value itself must not be what satisfies the context.
  const masked = window.replace(text.slice(start, end), ' ');
  if (!c.near.test(masked)) return false;
  if (c.keyName) {
    const prefix = lineBefore(text, start);
    // A provider client constructed with the key as its first argument names the provider instead.
    const providerCall = CALL_ARG.test(prefix) && c.near.test(prefix);
    if (!providerCall && !c.keyName.test(prefix)) return false;
    const lastName = /([A-Za-z0-9_.-]+)[^A-Za-z0-9_.-]*$/.exec(prefix.replace(/\\["']/g, '"'));
    if (lastName && (HASH_NAME.test(lastName[1]) || ID_NAME.test(lastName[1]) || CAMEL_ID_NAME.test(lastName[1]))) return false;
  }
  return true;
}

function acceptValue(c: CompiledRule, text: string, value: string, start: number, end: number): boolean {
  if (c.examples.has(value)) return false;
  const random = value.slice(c.rule.prefixLength ?? 0);
  if (rejectReason(random, { entropy: c.rule.entropy, classes: c.rule.classes })) return false;
  if (insideBase64Blob(text, start, end)) return false;
  return contextHolds(c, text, start, end);
}

function runRule(c: CompiledRule, text: string): RawMatch[] {
  const out: RawMatch[] = [];
  for (const { re, leftBoundary } of c.regexes) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      if (leftBoundary && !leftBoundaryOk(text, m.index)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const span = m.indices?.groups?.key ?? m.indices?.[0];
      if (!span) continue;
      const [start, end] = span;
      const value = text.slice(start, end);
      if (acceptValue(c, text, value, start, end)) out.push({ rule: c.rule, value, start, end });
    }
  }
  return out;
}

const AWS_SECRET = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const AWS_PAIR_WINDOW = 600;
const AWS_SECRET_RULE = COMPILED.find((c) => c.rule.id === 'aws-secret-access-key')!;

/** A secret access key near an access key id: high entropy, mixed classes, not hex, not an example. */
function findAwsSecret(text: string, id: RawMatch): RawMatch['partner'] {
  const from = Math.max(0, id.start - AWS_PAIR_WINDOW);
  const to = Math.min(text.length, id.end + AWS_PAIR_WINDOW);
  const region = text.slice(from, to);
  AWS_SECRET.lastIndex = 0;
  let best: RawMatch['partner'];
  for (let m = AWS_SECRET.exec(region); m !== null; m = AWS_SECRET.exec(region)) {
    const value = m[0];
    const start = from + m.index;
    if (/^[a-fA-F0-9]+$/.test(value) || AWS_SECRET_RULE.examples.has(value)) continue;
    if (rejectReason(value, { entropy: 4.2, classes: 3 })) continue;
    if (insideBase64Blob(text, start, start + 40)) continue;
    const candidate = { value, start, end: start + 40 };
    if (!best || Math.abs(candidate.start - id.start) < Math.abs(best.start - id.start)) best = candidate;
  }
  return best;
}

/** Key ids with a secret next to them become one pair finding; secrets already in a pair are dropped. */
function pairAws(text: string, matches: RawMatch[]): RawMatch[] {
  const ids = matches.filter((m) => m.rule.id === 'aws-access-key-id');
  if (ids.length === 0) return matches;
  const paired = new Set<number>();
  for (const id of ids) {
    const partner = findAwsSecret(text, id);
    if (partner) {
      id.partner = partner;
      paired.add(partner.start);
    }
  }
  return matches.filter((m) => !(m.rule.id === 'aws-secret-access-key' && paired.has(m.start)));
}

/** Overlapping matches (two rules on one value): keep the longest, then the first in the catalogue. */
function resolveOverlaps(matches: RawMatch[]): RawMatch[] {
  const order = new Map(SECRET_RULES.map((r, i) => [r, i]));
  const sorted = [...matches].sort(
    (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || order.get(a.rule)! - order.get(b.rule)!,
  );
  const out: RawMatch[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (m.end - m.start > last.end - last.start) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}

export interface ScanTextOptions {
  /** Precomputed candidates (from the raw bytes); computed from the text when absent. */
  candidates?: Set<number>;
  /** Stop early when aborted (per-file time budget). */
  signal?: AbortSignal;
}

/** Every credential in `text`, in order of position. */
export function scanText(text: string, opts: ScanTextOptions = {}): RawMatch[] {
  const candidates = opts.candidates ?? candidateRules(text);
  if (candidates.size === 0) return [];
  let matches: RawMatch[] = [];
  for (const i of candidates) {
    if (opts.signal?.aborted) break;
    matches.push(...runRule(COMPILED[i], text));
  }
  matches = pairAws(text, matches);
  return resolveOverlaps(matches);
}
