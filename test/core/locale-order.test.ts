/**
 * localeOrder compares strings of `[a-z0-9./-]` by code units and everything else with the 'en'
 * collator. The two must agree wherever the shortcut applies, or reports would change order.
 */
import { describe, expect, it } from 'vitest';
import { localeOrder, SORT_LOCALE } from '../../src/core/text.js';

const collator = new Intl.Collator(SORT_LOCALE);
const ALPHABET = '-./0123456789abcdefghijklmnopqrstuvwxyz'.split('');

/** Every string of up to three characters of the alphabet (60,880 strings). */
function allShortStrings(): string[] {
  const out = [''];
  for (const a of ALPHABET) {
    out.push(a);
    for (const b of ALPHABET) {
      out.push(a + b);
      for (const c of ALPHABET) out.push(a + b + c);
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

  it('uses the collator for anything else (case, underscores, non-ASCII)', () => {
    // Code-unit order would put 'B' before 'a', '_' after digits and 'é' after 'z'.
    expect(localeOrder('B', 'a')).toBeGreaterThan(0);
    expect(localeOrder('a_b', 'a-b')).toBeLessThan(0);
    expect(localeOrder('a_b', 'a0')).toBeLessThan(0);
    expect(localeOrder('é', 'z')).toBeLessThan(0);
    expect(localeOrder('AA/requirements.txt', 'AB/requirements.txt')).toBeLessThan(0);
    expect(localeOrder('same', 'same')).toBe(0);
  });
});
