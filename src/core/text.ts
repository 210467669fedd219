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
 * Strings of lower-case ASCII letters, digits, `.`, `/` and `-` (rule ids, most file names) sort in
 * the collator's order by their code units: each of these characters has its own primary weight in
 * the same order as ASCII (punctuation `-` `.` `/`, then digits, then letters), with no case or accent
 * levels. Comparing them directly spares a run that sorts nothing else the collator's start-up
 * (~20 ms of ICU data). test/core/text.test.ts checks the agreement against the collator.
 */
const PLAIN = /^[a-z0-9./-]*$/;

export function localeOrder(a: string, b: string): number {
  if (PLAIN.test(a) && PLAIN.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return (collator ??= new Intl.Collator(SORT_LOCALE)).compare(a, b);
}
