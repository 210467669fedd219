/**
 * A linear pre-check before tree-sitter: how deeply brackets nest. tree-sitter parses and walks
 * `f(f(f(…)))` nested 300,000 deep in tens of seconds and gigabytes; no real source nests like that —
 * CPython refuses more than 200 nested parentheses ("too many nested parentheses") and JavaScript
 * engines overflow their stack long before 10,000 — so such a file is skipped with a note.
 */

/** Deepest bracket nesting parsed; the Python limit is 200, this leaves room for generated JS. */
export const MAX_BRACKET_DEPTH = 1000;

/**
 * True when `(`, `[` or `{` nest deeper than `limit` anywhere in `text`. Brackets inside strings and
 * comments are counted too: that can only over-count, and only matters past `limit` open brackets.
 */
export function nestsDeeperThan(text: string, limit = MAX_BRACKET_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if ((c === 0x29 || c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return false;
}
