/**
 * Sigma string values with wildcards (`*` any run, `?` one character) and backslash escapes, as the
 * Sigma rules specification defines them ("Escaping"): `\*` and `\?` are literal, `\\` is one backslash,
 * a backslash before any other character is a plain backslash.
 *
 * A pattern compiles to the cheapest test that implements it: equality, startsWith, endsWith or includes
 * for the common shapes, a RegExp only for the rest. Case-insensitive matching (the Sigma default)
 * compares lower-cased strings; the caller lower-cases the event value once.
 */

export type Piece = { lit: string } | { any: true } | { one: true };

/** Splits a Sigma string into literal runs and wildcards. */
export function parseWildcards(value: string): Piece[] {
  const out: Piece[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit) out.push({ lit });
    lit = '';
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      const n = value[i + 1];
      if (n === '*' || n === '?' || n === '\\') {
        lit += n;
        i++;
      } else lit += '\\';
    } else if (c === '*') {
      flush();
      if (out.at(-1) && 'any' in (out.at(-1) as Piece)) continue; // `**` is `*`
      out.push({ any: true });
    } else if (c === '?') {
      flush();
      out.push({ one: true });
    } else lit += c;
  }
  flush();
  return out;
}

/** Escapes a literal so that parseWildcards gives it back unchanged (for transformed values such as base64). */
export function escapeWildcards(literal: string): string {
  return literal.replace(/[\\*?]/g, (c) => '\\' + c);
}

export type StringTest = (s: string) => boolean;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Compiles pieces to a test on an already case-folded subject (when `cased` is false the caller passes
 * `subject.toLowerCase()`).
 */
export function compilePieces(pieces: Piece[], cased: boolean): StringTest {
  const fold = (s: string): string => (cased ? s : s.toLowerCase());
  const lits = pieces.filter((p): p is { lit: string } => 'lit' in p).map((p) => fold(p.lit));
  const hasOne = pieces.some((p) => 'one' in p);
  const kinds = pieces.map((p) => ('lit' in p ? 'l' : 'any' in p ? '*' : '?')).join('');
  if (!hasOne) {
    switch (kinds) {
      case '':
        return (s) => s === '';
      case 'l': {
        const v = lits[0];
        return (s) => s === v;
      }
      case '*':
        return () => true;
      case 'l*': {
        const v = lits[0];
        return (s) => s.startsWith(v);
      }
      case '*l': {
        const v = lits[0];
        return (s) => s.endsWith(v);
      }
      case '*l*': {
        const v = lits[0];
        return (s) => s.includes(v);
      }
      default:
        break;
    }
  }
  const src = pieces.map((p) => ('lit' in p ? escapeRegExp(fold(p.lit)) : 'any' in p ? '[\\s\\S]*' : '[\\s\\S]')).join('');
  const re = new RegExp(`^${src}$`, 'u');
  return (s) => re.test(s);
}
