/**
 * Tests that separate live-looking keys from the look-alikes found in real repositories:
 * placeholders (`sk-xxxx`, `your_api_key_here`), fixture values (`abcdef123456…`, repeated or
 * periodic text), documented examples and values with too little randomness. Pure functions.
 */

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Number of character classes present among lower-case, upper-case and digits. */
export function charClasses(s: string): number {
  return (/[a-z]/.test(s) ? 1 : 0) + (/[A-Z]/.test(s) ? 1 : 0) + (/[0-9]/.test(s) ? 1 : 0);
}

/**
 * Words that mark a value as a stand-in. Four letters or more, so a random key contains one by chance
 * with a probability of about 1e-4 at most.
 */
const PLACEHOLDER_WORDS =
  /example|sample|dummy|placeholder|your|fake|redacted|changeme|change_me|replace|insert|test|demo|mock|here|secret|token|apikey|qwerty|asdfgh|zxcvbn|xxxx|\*\*\*|\.\.\.|<|>|\$\{|\{\{|%s|\bnull\b|undefined/i;

/** A run of 6 or more identical characters (`aaaaaa`, `000000`). */
const REPEAT_RUN = /(.)\1{5,}/;

/** True for an ascending or descending run of at least `n` consecutive characters (`abcdef`, `123456`, `fedcba`). */
export function hasSequence(s: string, n = 6): boolean {
  const t = s.toLowerCase();
  let up = 1;
  let down = 1;
  for (let i = 1; i < t.length; i++) {
    const d = t.charCodeAt(i) - t.charCodeAt(i - 1);
    const alnum = /[a-z0-9]/.test(t[i]) && /[a-z0-9]/.test(t[i - 1]);
    up = alnum && d === 1 ? up + 1 : 1;
    down = alnum && d === -1 ? down + 1 : 1;
    if (up >= n || down >= n) return true;
  }
  return false;
}

/** `a1b2c3d4e5f6…`: a sequence on every other character. */
export function hasInterleavedSequence(s: string, n = 6): boolean {
  let even = '';
  let odd = '';
  for (let i = 0; i < s.length; i++) {
    if (i % 2 === 0) even += s[i];
    else odd += s[i];
  }
  return hasSequence(even, n) || hasSequence(odd, n);
}

/**
 * True when some 8-character chunk occurs twice: typed-in or generated fixtures are periodic
 * (`A1b2C3d4A1b2C3d4…`), random keys essentially never are (p < 1e-6 for a 64-hex key).
 */
export function hasRepeatedChunk(s: string, n = 8): boolean {
  if (s.length < 2 * n) return false;
  const seen = new Set<string>();
  for (let i = 0; i + n <= s.length; i++) {
    const chunk = s.slice(i, i + n);
    if (seen.has(chunk)) return true;
    seen.add(chunk);
  }
  return false;
}

/**
 * True for CamelCase identifiers made of words (`AutoModelForSequenceClassification` after `hf_`):
 * ≥ 85 % of the text is capitalised words with vowels and no 4-consonant run. Random 34-letter keys
 * pass this with p ≈ 1e-5.
 */
export function looksLikeWords(s: string): boolean {
  const words = s.match(/[A-Z][a-z]{2,}/g) ?? [];
  if (words.length < 3) return false;
  const covered = words.join('').length / s.length;
  const letters = s.match(/[a-z]/gi)?.length ?? 1;
  const vowels = (s.match(/[aeiouy]/gi)?.length ?? 0) / letters;
  return covered >= 0.85 && vowels >= 0.3 && words.every((w) => /[aeiouy]/i.test(w.slice(1)) && !/[^aeiouy]{4}/i.test(w));
}

export type RejectReason = 'example' | 'placeholder' | 'words' | 'repeated' | 'sequence' | 'periodic' | 'entropy' | 'classes';

/** Why `random` (the part of a key after its fixed prefix) is not a live key, or undefined if it may be. */
export function rejectReason(random: string, opts: { entropy: number; classes?: number }): RejectReason | undefined {
  if (/example/i.test(random)) return 'example';
  if (PLACEHOLDER_WORDS.test(random)) return 'placeholder';
  if (looksLikeWords(random)) return 'words';
  if (REPEAT_RUN.test(random)) return 'repeated';
  if (hasSequence(random) || hasInterleavedSequence(random)) return 'sequence';
  if (hasRepeatedChunk(random)) return 'periodic';
  if (shannonEntropy(random) < opts.entropy) return 'entropy';
  if (opts.classes && charClasses(random) < opts.classes) return 'classes';
  return undefined;
}

/**
 * True when the match sits inside a longer base64 run (a data URI, an embedded image, a minified
 * bundle's inlined asset): `+` and `/` continue the run past the key's own boundaries.
 */
export function insideBase64Blob(text: string, start: number, end: number, extra = 32): boolean {
  let a = start;
  let b = end;
  const isB64 = (c: number) =>
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 95 || c === 45;
  while (a > 0 && start - a < 4096 && isB64(text.charCodeAt(a - 1))) a--;
  while (b < text.length && b - end < 4096 && isB64(text.charCodeAt(b))) b++;
  return start - a + (b - end) >= extra;
}
