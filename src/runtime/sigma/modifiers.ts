/**
 * One `field|mod1|mod2: value(s)` item of a Sigma selection, compiled to a predicate on an event.
 * Semantics follow the Sigma rules specification and its modifier appendix (v2):
 * - a list of values is OR-ed, `all` makes it AND;
 * - strings match case-insensitively unless `cased`; `re` is case-sensitive unless `re|i`;
 * - `contains`/`startswith`/`endswith` wrap the value in `*` wildcards;
 * - `null` matches a missing field or a JSON null; `''` only an empty string;
 * - transformation modifiers (`base64`, `base64offset`, `utf16le`/`utf16be`/`wide`/`utf16`,
 *   `windash`) rewrite the value before it is compared, in the order written;
 * - `exists`, `gt`/`gte`/`lt`/`lte`, `neq`, `cidr`, `re`, `fieldref` change the comparison itself.
 * - `exists` tests presence only ("not its value, be it empty or null", generic modifiers, v2.1.0) and
 *   takes a boolean; anything else is an error.
 * - `neq` ("the field is different from the specified values", generic and numeric modifiers, v2.1.0):
 *   `field|neq: values` is exactly `not field: values` (the other modifiers kept): no value of the field
 *   equals a listed value, numbers compared as the plain comparison does; an absent field matches.
 * - Modifier combinations that pySigma rejects are errors here too, never a silently dropped modifier:
 *   `i`/`m`/`s` only with `re`; `re` with nothing but `i`/`m`/`s`/`all`; at most one of
 *   `contains`/`startswith`/`endswith`; one numeric comparison, alone; `cidr` and `exists` alone;
 *   wildcards in a `fieldref` value.
 * - Regular expressions run on RE2 (the re2js port): matching is linear in the value, so no rule can
 *   make detect backtrack for ever on a crafted field (`(a+)+$`). RE2 has no look-around or
 *   back-references; the spec's regex flavour (modifier appendix, "Regular Expression") needs neither,
 *   and a rule using them is refused with the reason.
 * Event values that are objects are compared as their JSON text (SIEMs index CloudTrail's nested
 * `responseElements` as text, and SigmaHQ rules such as `responseElements|contains: 'Failure'` rely
 * on that); arrays match when any element matches.
 */
import { RE2JS } from 're2js';
import { compileCidr } from './cidr.js';
import { SigmaSyntaxError, SigmaUnsupportedError } from './errors.js';
import { compileField, compilePresence, type FieldGetter } from './field.js';
import { compilePieces, escapeWildcards, parseWildcards, type StringTest } from './wildcard.js';

export type EventPredicate = (event: unknown) => boolean;

const KNOWN = new Set([
  'contains', 'startswith', 'endswith', 'all', 're', 'i', 'm', 's', 'cidr', 'exists', 'gt', 'gte', 'lt', 'lte',
  'base64', 'base64offset', 'utf16le', 'utf16be', 'wide', 'utf16', 'windash', 'cased', 'fieldref', 'neq',
]);

const POSITION = ['contains', 'startswith', 'endswith'];
const NUMERIC = ['gt', 'gte', 'lt', 'lte'];

/** Rejects the modifier combinations pySigma rejects (see the header). */
function checkCombination(mods: string[]): void {
  const has = (m: string): boolean => mods.includes(m);
  const others = (allowed: string[]): string[] => mods.filter((m) => !allowed.includes(m));
  const bad = (what: string): never => {
    throw new SigmaSyntaxError(`invalid modifier combination "|${mods.join('|')}": ${what}`);
  };
  const seen = new Set<string>();
  for (const m of mods) {
    if (seen.has(m)) bad(`"${m}" given twice`);
    seen.add(m);
  }
  for (const f of ['i', 'm', 's']) if (has(f) && !has('re')) bad(`"${f}" is a sub-modifier of "re"`);
  if (has('re')) {
    const extra = others(['re', 'i', 'm', 's', 'all']);
    if (extra.length) bad(`"re" cannot be combined with ${extra.map((x) => `"${x}"`).join(', ')}`);
  }
  if (mods.filter((m) => POSITION.includes(m)).length > 1) bad('at most one of contains, startswith, endswith');
  const num = mods.filter((m) => NUMERIC.includes(m));
  if (num.length > 1) bad('at most one numeric comparison');
  if (num.length && others([...num, 'all', 'neq']).length) bad(`"${num[0]}" compares numbers and takes no other modifier`);
  if (has('cidr') && others(['cidr', 'all', 'neq']).length) bad('"cidr" takes no other modifier');
  if (has('exists') && mods.length > 1) bad('"exists" takes no other modifier');
  if (has('fieldref')) {
    const extra = others(['fieldref', ...POSITION, 'cased', 'neq', 'all']);
    if (extra.length) bad(`"fieldref" cannot be combined with ${extra.map((x) => `"${x}"`).join(', ')}`);
  }
}

/** Modifiers of the spec that aigis does not evaluate, with the reason given to the user. */
const UNSUPPORTED: Record<string, string> = {
  expand: 'placeholders (%name%) need an environment-specific value list',
  minute: 'time-part modifiers are not implemented',
  hour: 'time-part modifiers are not implemented',
  day: 'time-part modifiers are not implemented',
  week: 'time-part modifiers are not implemented',
  month: 'time-part modifiers are not implemented',
  year: 'time-part modifiers are not implemented',
};

/** A value after the transformation modifiers: Sigma text (wildcards active) or a literal. */
interface Val {
  text: string;
  literal: boolean;
}

function toText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

/** The text of an event value for string comparison; null/undefined have none. */
export function eventText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

const WINDASH = ['-', '/', '\u2013', '\u2014', '\u2015'];
const MAX_WINDASH = 256;

/** Every permutation of dash-like characters at option positions (start of value or after whitespace). */
function windash(text: string): string[] {
  let out = [''];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const atFlag = WINDASH.includes(c) && (i === 0 || /\s/.test(text[i - 1]));
    const options = atFlag ? WINDASH : [c];
    const next: string[] = [];
    for (const prefix of out) for (const o of options) next.push(prefix + o);
    if (next.length > MAX_WINDASH) throw new SigmaUnsupportedError('windash', `more than ${MAX_WINDASH} permutations`);
    out = next;
  }
  return out;
}

function utf16(text: string, mode: 'le' | 'be' | 'bom'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (mode === 'le') return le;
  if (mode === 'be') return le.swap16();
  return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
}

/** The three shifted encodings of pySigma's `base64offset`, trimmed to their position-independent part. */
function base64offset(bytes: Buffer): string[] {
  const start = [0, 2, 3];
  const endTrim = [0, 3, 2];
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const enc = Buffer.concat([Buffer.alloc(i, 0x20), bytes]).toString('base64');
    const trim = endTrim[(bytes.length + i) % 3];
    out.push(enc.slice(start[i], trim ? enc.length - trim : enc.length));
  }
  return out;
}

function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return undefined;
}

/** Compiles one selection item. `key` is `field|mod|…` (or `|all` etc. for keyword maps). */
/**
 * Set while the built-in pack loads (see withLazyRegex): its regexes are compiled on first use instead
 * of at load, because compiling them all is a fifth of detect's start-up and most never meet an event
 * that reaches them. User rules are compiled at load so that an unsupported regex is refused up front.
 */
let lazyRegex = false;

/** Runs `load` with regex compilation deferred to first use (for rules already known to compile). */
export function withLazyRegex<T>(load: () => T): T {
  const before = lazyRegex;
  lazyRegex = true;
  try {
    return load();
  } finally {
    lazyRegex = before;
  }
}

export function compileItem(key: string, rawValue: unknown, fields: Map<string, FieldGetter>): EventPredicate {
  const [fieldName, ...mods] = key.split('|');
  for (const m of mods) {
    if (UNSUPPORTED[m]) throw new SigmaUnsupportedError(`modifier "${m}"`, UNSUPPORTED[m]);
    if (!KNOWN.has(m)) throw new SigmaUnsupportedError(`modifier "${m}"`, 'not in the Sigma modifier appendix');
  }
  checkCombination(mods);
  const has = (m: string): boolean => mods.includes(m);
  if (has('neq')) {
    // `neq` is `not (field: values)` with the other modifiers kept (see the header).
    if (fieldName === '') throw new SigmaSyntaxError('`neq` needs a field name');
    const inner = compileItem([fieldName, ...mods.filter((m) => m !== 'neq')].join('|'), rawValue, fields);
    return (e) => !inner(e);
  }
  const getter = fieldName === '' ? undefined : getField(fieldName, fields);
  const values: unknown[] = Array.isArray(rawValue) ? rawValue : [rawValue];
  const all = has('all');
  // The spec forbids `all` on a single value; it is harmless, so it is accepted.

  if (has('exists')) {
    if (fieldName === '') throw new SigmaSyntaxError('`exists` needs a field name');
    if (values.length !== 1 || typeof values[0] !== 'boolean') {
      throw new SigmaSyntaxError(`\`exists\` takes true or false, got ${JSON.stringify(rawValue)}`);
    }
    const want = values[0];
    const present = compilePresence(fieldName);
    return (e) => present(e) === want;
  }

  const combine = (tests: EventPredicate[]): EventPredicate =>
    tests.length === 1 ? tests[0] : all ? (e) => tests.every((t) => t(e)) : (e) => tests.some((t) => t(e));

  // Numeric comparisons.
  const numMod = mods.find((m) => m === 'gt' || m === 'gte' || m === 'lt' || m === 'lte');
  if (numMod) {
    if (!getter) throw new SigmaSyntaxError(`\`${numMod}\` needs a field name`);
    const tests = values.map((v) => {
      const bound = numberOf(v);
      if (bound === undefined) throw new SigmaSyntaxError(`\`${numMod}\` needs a number, got ${JSON.stringify(v)}`);
      const cmp =
        numMod === 'gt' ? (x: number) => x > bound : numMod === 'gte' ? (x: number) => x >= bound : numMod === 'lt' ? (x: number) => x < bound : (x: number) => x <= bound;
      return (e: unknown) => getter(e).some((x) => {
        const n = numberOf(x);
        return n !== undefined && cmp(n);
      });
    });
    return combine(tests);
  }

  if (has('cidr')) {
    if (!getter) throw new SigmaSyntaxError('`cidr` needs a field name');
    const tests = values.map((v) => {
      const inNet = compileCidr(toText(v));
      return (e: unknown) => getter(e).some((x) => typeof x === 'string' && inNet(x));
    });
    return combine(tests);
  }

  if (has('re')) {
    const flags = (has('i') ? RE2JS.CASE_INSENSITIVE : 0) | (has('m') ? RE2JS.MULTILINE : 0) | (has('s') ? RE2JS.DOTALL : 0);
    const tests = values.map((v) => {
      if (typeof v !== 'string' && typeof v !== 'number') throw new SigmaSyntaxError(`\`re\` needs a string, got ${JSON.stringify(v)}`);
      const src = String(v);
      const compile = (): RE2JS => {
        try {
          return RE2JS.compile(simplifyRegex(src), flags);
        } catch (err) {
          throw new SigmaUnsupportedError(`regular expression ${JSON.stringify(src)}`, `${(err as Error).message} (rule regexes run on RE2, which has no look-around or back-references)`);
        }
      };
      let re = lazyRegex ? undefined : compile();
      const test = (s: string): boolean => (re ??= compile()).test(s);
      return getter ? valueTest(getter, [test], false) : keywordTest([test], false);
    });
    return combine(tests);
  }

  const cased = has('cased');

  if (has('fieldref')) {
    if (!getter) throw new SigmaSyntaxError('`fieldref` needs a field name');
    const wrap = has('contains') ? 'c' : has('startswith') ? 's' : has('endswith') ? 'e' : '';
    const tests = values.map((v) => {
      if (typeof v !== 'string' || /[*?]/.test(v)) throw new SigmaSyntaxError(`\`fieldref\` needs a plain field name, got ${JSON.stringify(v)}`);
      const other = getField(v, fields);
      return (e: unknown) => {
        const refs = other(e).map(eventText).filter((x): x is string => x !== undefined).map((x) => (cased ? x : x.toLowerCase()));
        if (refs.length === 0) return false;
        return getter(e).some((x) => {
          const t = eventText(x);
          if (t === undefined) return false;
          const s = cased ? t : t.toLowerCase();
          return refs.some((r) => (wrap === 'c' ? s.includes(r) : wrap === 's' ? s.startsWith(r) : wrap === 'e' ? s.endsWith(r) : s === r));
        });
      };
    });
    return combine(tests);
  }

  // null: the field is absent or null.
  const nullTests: EventPredicate[] = [];
  const stringValues: unknown[] = [];
  for (const v of values) {
    if (v === null) {
      if (!getter) throw new SigmaSyntaxError('a keyword cannot be null');
      nullTests.push((e) => getter(e).every((x) => x === null));
    } else stringValues.push(v);
  }

  // Transformations, in the order written.
  const groups: Val[][] = stringValues.map((v) => {
    let vals: Val[] = [{ text: toText(v), literal: false }];
    let bytes: Buffer[] | undefined;
    for (const m of mods) {
      if (m === 'windash') vals = vals.flatMap((x) => windash(x.text).map((t) => ({ text: t, literal: x.literal })));
      else if (m === 'utf16le' || m === 'wide') bytes = vals.map((x) => utf16(x.text, 'le'));
      else if (m === 'utf16be') bytes = vals.map((x) => utf16(x.text, 'be'));
      else if (m === 'utf16') bytes = vals.map((x) => utf16(x.text, 'bom'));
      else if (m === 'base64') {
        const src = bytes ?? vals.map((x) => Buffer.from(x.text, 'utf8'));
        vals = src.map((b) => ({ text: b.toString('base64'), literal: true }));
        bytes = undefined;
      } else if (m === 'base64offset') {
        const src = bytes ?? vals.map((x) => Buffer.from(x.text, 'utf8'));
        vals = src.flatMap((b) => base64offset(b).map((t) => ({ text: t, literal: true })));
        bytes = undefined;
      }
    }
    if (bytes) throw new SigmaUnsupportedError('utf16 modifiers without base64', 'the spec allows them only before base64');
    return vals;
  });

  const wrapPattern = (x: Val): string => {
    const t = x.literal ? escapeWildcards(x.text) : x.text;
    if (has('contains')) return `*${t}*`;
    if (has('startswith')) return `${t}*`;
    if (has('endswith')) return `*${t}`;
    return t;
  };

  // base64offset yields three alternatives per value: they are OR-ed inside the value, even under `all`.
  const tests: EventPredicate[] = groups.map((alts) => {
    const strTests = alts.map((x) => compilePieces(parseWildcards(wrapPattern(x)), cased));
    return getter ? valueTest(getter, strTests, !cased) : keywordTest(strTests, !cased);
  });
  const all2 = [...nullTests, ...tests];
  if (all2.length === 0) throw new SigmaSyntaxError(`no value for "${key}"`);
  return combine(all2);
}

/**
 * Drops a leading `.*`/`.+` and a trailing one, which change nothing in an unanchored search (`.+x`
 * matches exactly when `.x` does) but make the search carry a match start from every position (RE2
 * stays linear; this only saves work). Only the plain forms are touched (not `\.+`, not `.+?`, not
 * inside groups); a leading inline flag group such as `(?i)` stays in front.
 */
export function simplifyRegex(src: string): string {
  const inline = /^\(\?[imsU]+\)/.exec(src);
  if (inline) return inline[0] + simplifyRegex(src.slice(inline[0].length));
  let out = src;
  if (/^\.[*+](?![?*+{])/.test(out)) out = out[1] === '*' ? out.slice(2) : '.' + out.slice(2);
  const tail = /(^|[^\\])\.([*+])$/.exec(out);
  if (tail && !/\\(\\\\)*\.[*+]$/.test(out)) out = tail[2] === '*' ? out.slice(0, -2) : out.slice(0, -1);
  return out === '' ? '(?:)' : out;
}

function getField(name: string, fields: Map<string, FieldGetter>): FieldGetter {
  let g = fields.get(name);
  if (!g) {
    g = compileField(name);
    fields.set(name, g);
  }
  return g;
}

/** Any value of the field passes any of the string tests. */
function valueTest(getter: FieldGetter, tests: StringTest[], fold: boolean): EventPredicate {
  if (tests.length === 1) {
    const t = tests[0];
    return (e) => {
      const vs = getter(e);
      for (let i = 0; i < vs.length; i++) {
        const s = eventText(vs[i]);
        if (s !== undefined && t(fold ? s.toLowerCase() : s)) return true;
      }
      return false;
    };
  }
  return (e) => {
    const vs = getter(e);
    for (let i = 0; i < vs.length; i++) {
      const s0 = eventText(vs[i]);
      if (s0 === undefined) continue;
      const s = fold ? s0.toLowerCase() : s0;
      for (const t of tests) if (t(s)) return true;
    }
    return false;
  };
}

const MAX_LEAVES = 10_000;

/** Every string-like leaf of an event (keyword search runs over the whole event). */
export function eventLeaves(event: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [event];
  while (stack.length && out.length < MAX_LEAVES) {
    const v = stack.pop();
    if (v === null || v === undefined) continue;
    if (typeof v === 'object') {
      if (Array.isArray(v)) for (const x of v) stack.push(x);
      else for (const x of Object.values(v as Record<string, unknown>)) stack.push(x);
    } else out.push(String(v));
  }
  return out;
}

/**
 * Keywords: a plain value is searched anywhere in the event (the spec applies keywords to the "full
 * log message"; JSON events have none, so every leaf value is searched, and the value is a substring
 * unless it carries its own wildcards at the ends).
 */
function keywordTest(tests: StringTest[], fold: boolean): EventPredicate {
  return (e) => {
    for (const leaf of eventLeaves(e)) {
      const s = fold ? leaf.toLowerCase() : leaf;
      for (const t of tests) if (t(s)) return true;
    }
    return false;
  };
}

/** Keyword values are substrings: `*value*` unless a modifier already placed wildcards. */
export function keywordKey(mods: string[]): string {
  return mods.some((m) => m === 'contains' || m === 'startswith' || m === 'endswith' || m === 're') ? `|${mods.join('|')}` : `|${['contains', ...mods].join('|')}`;
}
