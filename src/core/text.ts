/**
 * Decodes bytes as UTF-8 text, or returns undefined for binary content. A NUL byte in the first
 * 8 KiB marks a file as binary (as git and ripgrep decide). Invalid UTF-8 sequences become U+FFFD
 * rather than failing, so that a text file with one bad byte is still scanned.
 */
export function decodeText(buf: Buffer): string | undefined {
  const probe = buf.subarray(0, 8192);
  if (probe.includes(0)) {
    // UTF-16 text with a BOM is text, not binary.
    if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
      return buf[0] === 0xff ? buf.subarray(2).toString('utf16le') : undefined;
    }
    return undefined;
  }
  const s = buf.toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** 1-based line number of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Offsets of the start of every line, for repeated offset→line look-ups (binary search). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of `offset` given `lineStarts(text)`. */
export function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

let collator: Intl.Collator | undefined;

/**
 * The order of `a.localeCompare(b, 'en')`, with one collator for every call. The locale is fixed:
 * the machine's default would make reports depend on LANG (Danish sorts `AA` after `AZ`), and reports
 * are deterministic on any machine. V8's localeCompare looks its collator up on each call: sorting a
 * scan's ~700 rule ids that way cost 10 ms of every run's start-up. Other sorts in src pass 'en' too.
 */
export const SORT_LOCALE = 'en';

/**
 * Printable ASCII, space to `~` (rule ids, fingerprints, most paths): ordered by asciiCollationOrder,
 * which spares a run that sorts only such strings the collator's creation (~15–20 ms of CPU, ICU data).
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The primary order of printable ASCII in the 'en' collation (CLDR root: space, punctuation and
 * symbols, then digits, then letters, with punctuation not ignorable). A letter's two cases share
 * one weight. Data, checked against Intl.Collator by test/core/locale-order.test.ts.
 */
const ASCII_PRIMARY_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';

/** Primary weight by code unit (1-based rank in ASCII_PRIMARY_ORDER; upper case as lower case). */
const ASCII_PRIMARY = new Uint8Array(128);
for (let i = 0; i < ASCII_PRIMARY_ORDER.length; i++) {
  const c = ASCII_PRIMARY_ORDER.charCodeAt(i);
  ASCII_PRIMARY[c] = i + 1;
  if (c >= 0x61 && c <= 0x7a) ASCII_PRIMARY[c - 0x20] = i + 1;
}

/**
 * The 'en' collator's comparison of two printable-ASCII strings, as ICU computes it for these
 * characters: each is one collation element, no contractions, no secondary differences. First the
 * primary weights, left to right (a string that is a prefix of the other sorts first); on equal
 * primaries, the tertiary level: at the first position where the two differ in case, lower case
 * sorts first. Equal at both levels means identical strings here. Returns -1, 0 or 1, as the
 * collator does.
 */
export function asciiCollationOrder(a: string, b: string): number {
  let tertiary = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const px = ASCII_PRIMARY[x];
    const py = ASCII_PRIMARY[y];
    if (px !== py) return px < py ? -1 : 1;
    // The same letter in two cases: lower case (the higher code unit) first.
    if (tertiary === 0) tertiary = x > y ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return tertiary;
}

export function localeOrder(a: string, b: string): number {
  if (PRINTABLE_ASCII.test(a) && PRINTABLE_ASCII.test(b)) return asciiCollationOrder(a, b);
  return (collator ??= new Intl.Collator(SORT_LOCALE)).compare(a, b);
}
