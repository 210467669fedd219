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
  /api[_\-. ]?key|apikey|\bkey\b|_key\b|key["'`]?\s*[:=]|token|secret|password|passwd|\bpwd\b|auth|bearer|credential|x-api-key/gi;

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

// The catalogue's regular expressions and keyword index are built on first use, not at load: the
// report builder imports this module to redact notes and asset properties, and a run with nothing to
// redact (an empty directory) should not pay for them.
let compiledRules: CompiledRule[] | undefined;
let keywordIndex: Keyword[] | undefined;
let pairs: Map<SecretRule, CompiledPair> | undefined;

function compiled(): CompiledRule[] {
  return (compiledRules ??= compileRules());
}

const compileRules = (): CompiledRule[] => SECRET_RULES.map((rule) => ({
  rule,
  regexes: rule.patterns.map((p) => compilePattern(p, rule.flags)),
  near: rule.context ? new RegExp(rule.context.near, 'i') : undefined,
  keyName: rule.context?.keyName
    ? typeof rule.context.keyName === 'string'
      ? new RegExp(rule.context.keyName, 'gi')
      : DEFAULT_KEY_NAME
    : undefined,
  examples: new Set(rule.examples ?? []),
}));

interface Keyword {
  keyword: string;
  rules: number[];
  exact: Map<string, number[]>;
}

/**
 * Unique prefilter keywords (ASCII case-folded) → indexes into the compiled rules. Keywords of prefixed formats
 * are case-sensitive (`AKIA`, not `akia`): the folded hit is confirmed with an exact search.
 */
function indexKeywords(): Keyword[] {
  const map = new Map<string, { rules: Set<number>; exact: Map<string, number[]> }>();
  compiled().forEach((c, i) => {
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
}

// Built on first use, not at load: start-up of a run that reads no text (an empty directory,
// `aigis hash`) should not pay for it.
let automaton: KeywordAutomaton | undefined;

/** Which rules may match, from the raw bytes (no decoding): a rule runs only if one of its keywords occurs. */
export function candidateRules(haystack: Buffer | string): Set<number> {
  const buf = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack;
  const out = new Set<number>();
  const keywords = (keywordIndex ??= indexKeywords());
  for (const id of (automaton ??= new KeywordAutomaton(keywords.map((k) => k.keyword))).find(buf)) {
    const k = keywords[id];
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

/** The value starts its line (YAML block scalar, a parenthesised or continued string): the name is above. */
const ALONE = /^\s*["'`]?$/;

/** The value is the first string argument of a call on the same line: `cohere.Client("…")`. */
const CALL_ARG = /\(\s*["'`]$/;

/** Index of the last `\n` in text[from, to), or -1; never scans further back than `from` (long lines). */
function lastNewline(text: string, from: number, to: number): number {
  const i = text.slice(Math.max(0, from), to).lastIndexOf('\n');
  return i === -1 ? -1 : Math.max(0, from) + i;
}

function lineBefore(text: string, start: number, max = 160): string {
  const nl = lastNewline(text, start - max, start);
  const prefix = text.slice(nl === -1 ? Math.max(0, start - max) : nl + 1, start);
  if (nl <= 0 || !(VALUE_ONLY.test(prefix) || ALONE.test(prefix))) return prefix;
  const prevNl = lastNewline(text, nl - max, nl);
  const prev = text.slice(prevNl === -1 ? Math.max(0, nl - max) : prevNl + 1, nl);
  return `${prev} ${prefix}`;
}

/** Another value-like token (16+ token characters) between a name and the value: the name is not its. */
const OTHER_VALUE = /[A-Za-z0-9_+/-]{16,}/;

/** The last credential name in `prefix` is followed only by syntax (quotes, `=`, `(`, `Bearer` …), not by another value. */
function nameRightBefore(keyName: RegExp, prefix: string): boolean {
  keyName.lastIndex = 0;
  let lastEnd = -1;
  for (let m = keyName.exec(prefix); m !== null; m = keyName.exec(prefix)) {
    lastEnd = m.index + m[0].length;
    if (m[0].length === 0) keyName.lastIndex++;
  }
  return lastEnd !== -1 && !OTHER_VALUE.test(prefix.slice(lastEnd));
}

/** Name-based and proximity checks of context rules. */
function contextHolds(c: CompiledRule, text: string, start: number, end: number): boolean {
  const spec = c.rule.context;
  if (!spec || !c.near) return true;
  // The credential name on the line (cheap, short text) before the provider name nearby.
  if (c.keyName) {
    const prefix = lineBefore(text, start);
    // A provider client constructed with the key as its first argument names the provider instead.
    const providerCall = CALL_ARG.test(prefix) && c.near.test(prefix);
    if (!providerCall && !nameRightBefore(c.keyName, prefix)) return false;
    const lastName = /([A-Za-z0-9_.-]+)[^A-Za-z0-9_.-]*$/.exec(prefix.replace(/\\["']/g, '"'));
    if (lastName && (HASH_NAME.test(lastName[1]) || ID_NAME.test(lastName[1]) || CAMEL_ID_NAME.test(lastName[1]))) return false;
  }
  // The value itself must not be what satisfies the context: search the text before and after it.
  const before = text.slice(Math.max(0, start - (spec.before ?? 300)), start);
  const after = text.slice(end, Math.min(text.length, end + (spec.after ?? 120)));
  return c.near.test(before) || c.near.test(after);
}

function acceptValue(c: CompiledRule, text: string, value: string, start: number, end: number): boolean {
  if (c.examples.has(value)) return false;
  if (c.rule.mustContain && !value.includes(c.rule.mustContain)) return false;
  // Context first: it is cheap and rejects most candidates of the prefix-less formats.
  if (!contextHolds(c, text, start, end)) return false;
  const random = value.slice(c.rule.prefixLength ?? 0);
  if (rejectReason(random, { entropy: c.rule.entropy, classes: c.rule.classes })) return false;
  return !insideBase64Blob(text, start, end);
}

/** Matches kept per text: a file with more is generated or hostile, and the first ones say enough. */
export const MAX_MATCHES_PER_TEXT = 500;

function runRule(c: CompiledRule, text: string, limit: number, deadline: number): RawMatch[] {
  const out: RawMatch[] = [];
  for (const { re, leftBoundary } of c.regexes) {
    re.lastIndex = 0;
    let seen = 0;
    for (let m = re.exec(text); m !== null && out.length < limit; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      if ((++seen & 1023) === 0 && Date.now() > deadline) break;
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

interface CompiledPair {
  re: RegExp;
  spec: NonNullable<SecretRule['pair']>;
  examples: Set<string>;
}

function compilePairs(): Map<SecretRule, CompiledPair> {
  return new Map<SecretRule, CompiledPair>(
    SECRET_RULES.filter((r) => r.pair).map((r) => {
      const spec = r.pair!;
      const partner = compiled().find((c) => c.rule.id === spec.partnerRule);
      return [r, { re: new RegExp(spec.pattern, 'g'), spec, examples: partner?.examples ?? new Set<string>() }];
    }),
  );
}

/** The partner nearest to `m` within the window that passes the look-alike filters. */
function findPartner(text: string, m: RawMatch, pair: CompiledPair): RawMatch['partner'] {
  const { re, spec, examples } = pair;
  const from = Math.max(0, m.start - spec.window);
  const to = Math.min(text.length, m.end + spec.window);
  const region = text.slice(from, to);
  re.lastIndex = 0;
  let best: RawMatch['partner'];
  for (let x = re.exec(region); x !== null; x = re.exec(region)) {
    const value = x[0];
    const start = from + x.index;
    if ((spec.rejectHex && /^[a-fA-F0-9]+$/.test(value)) || examples.has(value)) continue;
    if (rejectReason(value, { entropy: spec.entropy, classes: spec.classes })) continue;
    if (insideBase64Blob(text, start, start + value.length)) continue;
    const candidate = { value, start, end: start + value.length };
    if (!best || Math.abs(candidate.start - m.start) < Math.abs(best.start - m.start)) best = candidate;
  }
  return best;
}

/** Matches of rules with a `pair` get their partner; standalone matches of the partner rule that were paired are dropped. */
function pairUp(text: string, matches: RawMatch[]): RawMatch[] {
  const absorbed = new Set<string>();
  for (const m of matches) {
    const pair = (pairs ??= compilePairs()).get(m.rule);
    if (!pair) continue;
    const partner = findPartner(text, m, pair);
    if (partner) {
      m.partner = partner;
      absorbed.add(`${pair.spec.partnerRule}@${partner.start}`);
    }
  }
  return absorbed.size ? matches.filter((m) => !absorbed.has(`${m.rule.id}@${m.start}`)) : matches;
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
  /** Last-resort wall-clock guard (epoch ms); the work itself is bounded by the text size and MAX_MATCHES_PER_TEXT. */
  deadline?: number;
}

/** Every credential in `text`, in order of position. */
export function scanText(text: string, opts: ScanTextOptions = {}): RawMatch[] {
  const candidates = opts.candidates ?? candidateRules(text);
  if (candidates.size === 0) return [];
  let matches: RawMatch[] = [];
  const deadline = opts.deadline ?? Number.POSITIVE_INFINITY;
  for (const i of candidates) {
    if (matches.length >= MAX_MATCHES_PER_TEXT || Date.now() > deadline) break;
    for (const m of runRule(compiled()[i], text, MAX_MATCHES_PER_TEXT - matches.length, deadline)) matches.push(m);
  }
  matches = pairUp(text, matches);
  return resolveOverlaps(matches);
}
