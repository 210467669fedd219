/**
 * The Sigma condition language: `and`, `or`, `not`, parentheses, `1 of` / `any of` / `all of` a
 * search-identifier pattern (with `*` wildcards) or `them`. Precedence, least to most binding:
 * or, and, not, x-of, parentheses (Sigma rules specification, "Condition"). A hand-written
 * recursive-descent parser: the grammar is a dozen lines and no maintained JS library parses it.
 * The deprecated aggregation syntax (`| count() by x > 5`) and `near` are rejected by name.
 */
import { SigmaSyntaxError, SigmaUnsupportedError } from './errors.js';

export type CondNode =
  | { type: 'id'; name: string }
  | { type: 'and' | 'or'; items: CondNode[] }
  | { type: 'not'; item: CondNode }
  | { type: 'of'; quantifier: 'one' | 'all'; names: string[] };

function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /\s*(\(|\)|\||[^\s()|]+)/gy;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(text))) {
    out.push(m[1]);
    last = re.lastIndex;
  }
  if (text.slice(last).trim() !== '') throw new SigmaSyntaxError(`cannot read condition near "${text.slice(last)}"`);
  return out;
}

function globToRegExp(pattern: string): RegExp {
  return new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
}

/** Parses a condition; `identifiers` are the search identifiers the detection defines. */
export function parseCondition(text: string, identifiers: string[]): CondNode {
  const toks = tokenize(text);
  if (toks.includes('|')) throw new SigmaUnsupportedError('aggregation in condition (`| count() …`)', 'deprecated Sigma 1 syntax; write a correlation rule');
  let pos = 0;
  const peek = (): string | undefined => toks[pos]?.toLowerCase();
  const expect = (t: string): void => {
    if (peek() !== t) throw new SigmaSyntaxError(`expected "${t}" in condition "${text}"`);
    pos++;
  };

  const parseOr = (): CondNode => {
    const items = [parseAnd()];
    while (peek() === 'or') {
      pos++;
      items.push(parseAnd());
    }
    return items.length === 1 ? items[0] : { type: 'or', items };
  };
  const parseAnd = (): CondNode => {
    const items = [parseNot()];
    while (peek() === 'and') {
      pos++;
      items.push(parseNot());
    }
    return items.length === 1 ? items[0] : { type: 'and', items };
  };
  const parseNot = (): CondNode => {
    if (peek() === 'not') {
      pos++;
      return { type: 'not', item: parseNot() };
    }
    return parseAtom();
  };
  const parseAtom = (): CondNode => {
    const t = toks[pos];
    if (t === undefined) throw new SigmaSyntaxError(`condition "${text}" ends early`);
    const lt = t.toLowerCase();
    if (lt === '(') {
      pos++;
      const inner = parseOr();
      expect(')');
      return inner;
    }
    if (lt === 'near') throw new SigmaUnsupportedError('`near` in condition', 'deprecated; write a temporal correlation rule');
    if ((lt === '1' || lt === 'any' || lt === 'all') && toks[pos + 1]?.toLowerCase() === 'of') {
      pos += 2;
      const target = toks[pos++];
      if (target === undefined) throw new SigmaSyntaxError(`"${t} of" needs a pattern in "${text}"`);
      const names =
        target.toLowerCase() === 'them'
          ? identifiers.filter((n) => !n.startsWith('_'))
          : identifiers.filter((n) => globToRegExp(target).test(n));
      if (names.length === 0) throw new SigmaSyntaxError(`"${t} of ${target}" matches no search identifier`);
      return { type: 'of', quantifier: lt === 'all' ? 'all' : 'one', names };
    }
    if (/^\d+$/.test(lt) && toks[pos + 1]?.toLowerCase() === 'of') {
      throw new SigmaUnsupportedError(`"${t} of" in condition`, 'only "1 of" and "all of" are defined');
    }
    if (lt === ')' || lt === 'and' || lt === 'or') throw new SigmaSyntaxError(`unexpected "${t}" in condition "${text}"`);
    if (!identifiers.includes(t)) throw new SigmaSyntaxError(`condition uses "${t}", which the detection does not define`);
    pos++;
    return { type: 'id', name: t };
  };

  const node = parseOr();
  if (pos !== toks.length) throw new SigmaSyntaxError(`unexpected "${toks[pos]}" in condition "${text}"`);
  return node;
}
