import { describe, expect, it } from 'vitest';
import { localeOrder, SORT_LOCALE } from '../../src/core/text.js';

describe('localeOrder', () => {
  const collator = new Intl.Collator(SORT_LOCALE);
  const sign = (n: number) => Math.sign(n);

  it('agrees with the collator on every pair of strings up to 3 characters over the plain alphabet (fast path)', () => {
    const alphabet = 'abz019./-';
    const all = [''];
    for (let len = 1; len <= 3; len++) for (const p of all.filter((s) => s.length === len - 1)) for (const c of alphabet) all.push(p + c);
    const differ: string[] = [];
    for (const a of all) for (const b of all) if (sign(localeOrder(a, b)) !== sign(collator.compare(a, b))) differ.push(`${a} vs ${b}`);
    expect(all.length).toBe(820);
    expect(differ).toEqual([]);
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
      if (sign(localeOrder(a, b)) !== sign(collator.compare(a, b))) differ.push(`${a} vs ${b}`);
    }
    expect(differ).toEqual([]);
  });

  it('keeps the locale order where code units differ from it (case, underscore, accents)', () => {
    expect(localeOrder('b', 'A')).toBeGreaterThan(0); // code units: 'A' < 'b' too, but 'a' < 'B' differs
    expect(localeOrder('a', 'B')).toBeLessThan(0);
    expect(localeOrder('a_b', 'a-b')).toBe(sign(collator.compare('a_b', 'a-b')));
    expect(localeOrder('é', 'f')).toBeLessThan(0);
  });
});
