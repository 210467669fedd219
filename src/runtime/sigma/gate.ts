/**
 * Literal gates: for a compiled rule, a set of lower-cased strings at least one of which must occur in
 * the raw JSON text of any record the rule can match. The engine uses them to skip JSON.parse for
 * records no rule can match (most of a CloudTrail stream), which is where the time goes.
 *
 * Soundness rests on three facts: a string value's characters appear verbatim in JSON text unless
 * escaped (records containing a backslash are always parsed, so no escape can hide a literal); object
 * values are compared as their JSON text, which contains the same string characters; field names appear
 * as keys. A construct that cannot promise a literal (regex with alternation, numbers, null, `not`,
 * `exists: false`, cidr, base64, fieldref …) gives no gate, and a rule without a gate sees every record.
 */
import { parseWildcards } from './wildcard.js';

export type Gate = string[] | undefined;

const MIN_LITERAL = 3;

/**
 * JSON escapes `"`, `\` and control characters, so a literal holding one is not verbatim in raw text;
 * non-ASCII literals are left out too, because Unicode case folding (toLowerCase vs a case-insensitive
 * search) is not the same for every character.
 */
function verbatim(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) return false;
  }
  return true;
}

/** The longest literal run of a Sigma wildcard value, lower-cased; undefined when too short or unusable. */
export function literalOf(value: string): string | undefined {
  let best = '';
  for (const p of parseWildcards(value)) if ('lit' in p && p.lit.length > best.length) best = p.lit;
  if (best.length < MIN_LITERAL || !verbatim(best)) return undefined;
  return best.toLowerCase();
}

/** The longest plain run at the top level of a regex without alternation, lower-cased. */
export function regexLiteral(src: string): string | undefined {
  if (src.includes('|')) return undefined;
  let best = '';
  let cur = '';
  let depth = 0;
  const flush = (): void => {
    if (cur.length > best.length) best = cur;
    cur = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    const next = src[i + 1];
    const optional = next === '?' || next === '*' || next === '{';
    if (c === '\\') {
      const e = src[i + 1];
      i++;
      if (e !== undefined && /[.\-/:*+?()[\]{}^$|\\ ]/.test(e) && depth === 0) {
        if (src[i + 1] === '?' || src[i + 1] === '*' || src[i + 1] === '{') flush();
        else cur += e;
      } else flush();
      continue;
    }
    if (c === '(') {
      flush();
      depth++;
      continue;
    }
    if (c === ')') {
      depth--;
      flush();
      continue;
    }
    if (depth > 0 || '[].^$+*?{}'.includes(c)) {
      flush();
      if (c === '[') {
        while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      }
      continue;
    }
    if (optional) {
      flush();
      continue;
    }
    cur += c;
  }
  flush();
  if (best.length < MIN_LITERAL || !verbatim(best)) return undefined;
  return best.toLowerCase();
}

/** Gate of one `field|mods: values` item. */
export function itemGate(key: string, rawValue: unknown): Gate {
  const [field, ...mods] = key.split('|');
  const values = Array.isArray(rawValue) ? rawValue : [rawValue];
  const unsafe = ['cidr', 'base64', 'base64offset', 'utf16le', 'utf16be', 'wide', 'utf16', 'windash', 'fieldref', 'gt', 'gte', 'lt', 'lte'];
  if (mods.some((m) => unsafe.includes(m))) return undefined;
  if (mods.includes('exists')) {
    if (!(values[0] === true || String(values[0]).toLowerCase() === 'true')) return undefined;
    const last = field.split('.').at(-1) ?? '';
    const lit = literalOf(last);
    return lit ? [lit] : undefined;
  }
  const lits: string[] = [];
  for (const v of values) {
    // Numbers, booleans, null and number-like strings: JSON may spell the event's value differently (4.03e2).
    if (typeof v !== 'string' || (!mods.includes('re') && /^[-+]?\.?\d/.test(v))) return undefined;
    const lit = mods.includes('re') ? regexLiteral(v.replace(/^\(\?[ims]+\)/, '')) : literalOf(v);
    if (!lit) {
      if (mods.includes('all')) continue; // another value of the AND may still give one
      return undefined;
    }
    lits.push(lit);
  }
  if (lits.length === 0) return undefined;
  // `all`: every value must occur, so the longest one alone is a gate.
  if (mods.includes('all')) return [lits.reduce((a, b) => (b.length > a.length ? b : a))];
  return [...new Set(lits)];
}

function score(g: string[]): number {
  return Math.min(...g.map((x) => x.length)) * 100 - g.length;
}

/** AND: any gated part is a gate for the whole; the most selective is kept. */
export function andGate(gates: Gate[]): Gate {
  const known = gates.filter((g): g is string[] => g !== undefined);
  if (known.length === 0) return undefined;
  return known.reduce((a, b) => (score(b) > score(a) ? b : a));
}

/** OR: every part must be gated; the union is the gate. */
export function orGate(gates: Gate[]): Gate {
  if (gates.some((g) => g === undefined)) return undefined;
  return [...new Set(gates.flatMap((g) => g as string[]))];
}
