/**
 * localeOrder compares printable-ASCII strings with asciiCollationOrder and everything else with the
 * 'en' collator. The shortcut must agree with the collator wherever it applies, or reports would change
 * order.
 */
import { describe, expect, it } from 'vitest';
import { asciiCollationOrder, localeOrder, SORT_LOCALE } from '../../src/core/text.js';

const collator = new Intl.Collator(SORT_LOCALE);
const ALPHABET = '-./0123456789abcdefghijklmnopqrstuvwxyz'.split('');

/** Every string of up to three characters of an alphabet (60,880 strings of ALPHABET). */
function allShortStrings(alphabet: string[] = ALPHABET): string[] {
  const out = [''];
  for (const a of alphabet) {
    out.push(a);
    for (const b of alphabet) {
      out.push(a + b);
      for (const c of alphabet) out.push(a + b + c);
    }
  }
  return out;
}

describe('localeOrder', () => {
  it('orders every short string of [a-z0-9./-] exactly as the en collator does', () => {
    const strings = allShortStrings();
    const byCollator = [...strings].sort((a, b) => collator.compare(a, b));
    const byLocaleOrder = [...strings].reverse().sort(localeOrder);
    expect(byLocaleOrder).toEqual(byCollator);
  });

  it('agrees with the collator on rule ids, fingerprints and paths of varied lengths', () => {
    const samples = ['secret/openai-api-key', 'secret/openai', 'secret/openai-api-key-v2', 'tf/aws-s3.public', 'a', 'a-b', 'a.b', 'a/b', 'a0', 'ab', '0f518eb4a8184baeff13ca7562291fff', '0f518eb4a8184baeff13ca75622', 'x/y/z.json', 'x/y-z.json', 'x-y/z.json'];
    for (const a of samples) for (const b of samples) expect(Math.sign(localeOrder(a, b)), `${a} vs ${b}`).toBe(Math.sign(collator.compare(a, b)));
  });

  it('agrees with the collator on random rule ids and paths, plain or not (seeded)', () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789./-_ABZ:@ é';
    let seed = 11;
    const rnd = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const word = (plain: boolean) => Array.from({ length: Math.floor(rnd() * 16) }, () => alphabet[Math.floor(rnd() * (plain ? 39 : alphabet.length))]).join('');
    const differ: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const a = word(i % 2 === 0);
      const b = rnd() < 0.5 ? a.slice(0, Math.floor(rnd() * a.length)) + word(i % 4 === 0) : word(i % 2 === 0);
      if (Math.sign(localeOrder(a, b)) !== Math.sign(collator.compare(a, b))) differ.push(`${a} vs ${b}`);
    }
    expect(differ).toEqual([]);
  });

  it('uses the collator for anything else (non-ASCII, control characters)', () => {
    // Code-unit order would put 'B' before 'a', '_' after digits and 'é' after 'z'.
    expect(localeOrder('B', 'a')).toBeGreaterThan(0);
    expect(localeOrder('a_b', 'a-b')).toBeLessThan(0);
    expect(localeOrder('a_b', 'a0')).toBeLessThan(0);
    expect(localeOrder('é', 'z')).toBeLessThan(0);
    expect(localeOrder('AA/requirements.txt', 'AB/requirements.txt')).toBeLessThan(0);
    expect(localeOrder('same', 'same')).toBe(0);
  });
});

/** Printable ASCII, space to `~`. */
const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

describe('asciiCollationOrder', () => {
  it('sorts every printable-ASCII string of up to three characters exactly as the en collator does', () => {
    const strings = allShortStrings(PRINTABLE);
    expect(strings).toHaveLength(1 + 95 + 95 ** 2 + 95 ** 3);
    const byCollator = [...strings].sort((a, b) => collator.compare(a, b));
    // Both are total orders: the same sorted sequence means they agree on every pair of these strings.
    const byAscii = [...strings].reverse().sort(asciiCollationOrder);
    expect(byAscii).toEqual(byCollator);
    // And with the collator's values (-1, 1), both ways round, on every neighbour.
    const wrong: string[] = [];
    for (let i = 1; i < byCollator.length; i++) {
      const [a, b] = [byCollator[i - 1], byCollator[i]];
      if (asciiCollationOrder(a, b) !== collator.compare(a, b) || asciiCollationOrder(b, a) !== collator.compare(b, a)) wrong.push(`${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
    expect(wrong).toEqual([]);
    expect(asciiCollationOrder('aB~', 'aB~')).toBe(0);
  });

  it('agrees with the collator on random longer printable-ASCII pairs, many differing only in case or late (seeded)', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return Math.floor((seed / 2 ** 32) * n);
    };
    const word = () => Array.from({ length: rnd(24) }, () => PRINTABLE[rnd(PRINTABLE.length)]).join('');
    const flipCase = (s: string) => s.replace(/[a-z]/gi, (c) => (rnd(2) ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c));
    const wrong: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      const a = word();
      const kind = i % 4;
      const b = kind === 0 ? word() : kind === 1 ? flipCase(a) : kind === 2 ? a.slice(0, rnd(a.length + 1)) + word() : flipCase(a) + PRINTABLE[rnd(PRINTABLE.length)];
      if (asciiCollationOrder(a, b) !== collator.compare(a, b) || localeOrder(a, b) !== collator.compare(a, b)) wrong.push(`${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('puts lower case before upper case only when the letters are otherwise equal', () => {
    expect(asciiCollationOrder('a', 'A')).toBe(-1);
    expect(asciiCollationOrder('A', 'b')).toBe(-1);
    expect(asciiCollationOrder('Ab', 'aC')).toBe(-1);
    expect(asciiCollationOrder('aB', 'Ab')).toBe(-1);
    expect(asciiCollationOrder('AB', 'ab!')).toBe(-1);
    expect(asciiCollationOrder('_', '-')).toBe(-1);
    expect(asciiCollationOrder('$', '0')).toBe(-1);
  });
});
