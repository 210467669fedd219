/**
 * A linear pass over a Terraform file, before tree-sitter, that follows what the grammar's external
 * scanner (tree-sitter-hcl `src/scanner.c`) and the brackets do without parsing anything. It gives two
 * things the parse budget (parse.ts) needs, because tree-sitter's progress callback fires once per 100
 * parser operations while the cost of an operation varies a hundredfold:
 *
 * - **Template depth**: how many template contexts (quoted string, `${…}`, `%{…}`, heredoc) are open at
 *   each part of the file. The scanner keeps them on a stack that tree-sitter serializes after every
 *   external token, stores in the token and restores (one allocation per context) before lexing the
 *   next, so each operation costs more the deeper the stack (up to the scanner's 127 contexts: 4–12
 *   times a normal operation, and up to 1 KB of memory per token). Text that opens templates and never
 *   closes them (`"${` repeated, lines of `a = "${`) stays that deep. Valid Terraform rarely has more
 *   than four open.
 * - **Where the structure breaks**: the first line that opens a block (`name "label" {`) while an object
 *   brace or a template is still open, which valid HCL never has. From there tree-sitter recovers each
 *   following block into one ERROR node that grows with the file, and every recovery copies that node's
 *   children: the time is quadratic in what follows (a 4 MiB file whose first line is `x = {` or
 *   `a = "${` needed hours), and few of those blocks are read anyway. The budget allows a bounded
 *   number of calls past that line; a file that needs more is read up to it.
 *
 * On valid text this follows the scanner exactly; on broken text it can differ (the scanner follows the
 * parser's error recovery), which only changes how the budget is weighed or where reading stops.
 */

/**
 * Tokens read per file. tree-sitter holds every token of a file as a node while it parses (about 270
 * bytes each in its WASM memory, which never shrinks): a 4 MiB file of `1,1,1,…` or `[[[…]]]` is four
 * million tokens, 1.2 GB and 17 s of CPU. Hand-written Terraform has about one token per ten
 * characters (10.5 over the repository's .tf files), so a typical file up to the 4 MiB size cap is read
 * whole; a denser one is read up to the line where the count passes this.
 */
export const MAX_TOKENS = 500_000;

/** Characters per entry of the depth profile (a power of two). */
export const DEPTH_BLOCK_SHIFT = 6;

const QUOTED = 1;
const INTERPOLATION = 2;
const DIRECTIVE = 3;
const HEREDOC = 4;
/** The body of a block (`name "label" {`): not a template context, and blocks may follow inside. */
const BLOCK = 5;
/** An object (`{` in an expression): not a template context; a block inside it breaks the structure. */
const OBJECT = 6;
/** `[` or `(`: tree-sitter recovers from a block inside them in linear time, so they are only counted. */
const BRACKET = 7;

const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdent = (c: number): boolean => isIdentStart(c) || (c >= 48 && c <= 57) || c === 45;
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 13;
/** A block header: an identifier, then identifiers or one-line quoted labels, then `{` ending the line (or a comment). */
const BLOCK_HEADER = /^[ \t]*[A-Za-z_][\w-]*(?:[ \t]+(?:"[^"\n]*"|[A-Za-z_][\w-]*))*[ \t]*\{[ \t]*(?:(?:#|\/\/).*)?\r?$/;
/** Longest line tested against BLOCK_HEADER (a block header is short). */
const MAX_HEADER = 512;

export interface Structure {
  /** The largest number of open template contexts (at most 255) in each block of 2^DEPTH_BLOCK_SHIFT characters. */
  depths: Uint8Array;
  /** Offset of the start of the line where the structure breaks (see the module comment), if it does. */
  brokenAt?: number;
  /** Offset of the start of the line where the file exceeds MAX_TOKENS, if it does (the scan stops there). */
  tooLongAt?: number;
}

/** The template depth profile of `text` and where its structure breaks. */
export function scanStructure(text: string): Structure {
  const n = text.length;
  const depths = new Uint8Array((n >> DEPTH_BLOCK_SHIFT) + 1);
  const stack = new Uint8Array(n + 1);
  const heredocIds: string[] = [];
  let top = 0; // entries on `stack`
  let depth = 0; // template contexts on the stack
  let open = 0; // objects and template contexts on the stack (a block inside one breaks the structure)
  const isTemplate = (kind: number): boolean => kind <= HEREDOC;
  const push = (kind: number): void => {
    stack[top++] = kind;
    if (isTemplate(kind)) depth++;
    if (kind === OBJECT || (isTemplate(kind) && kind !== HEREDOC)) open++;
  };
  const pop = (): void => {
    const kind = stack[--top];
    if (isTemplate(kind)) depth--;
    if (kind === OBJECT || (isTemplate(kind) && kind !== HEREDOC)) open--;
    if (kind === HEREDOC) heredocIds.pop();
  };
  /** Whether the line starting at `start` is a block header. */
  const isHeader = (start: number): boolean => {
    let j = start;
    while (j < n && isBlank(text.charCodeAt(j))) j++;
    if (!isIdentStart(text.charCodeAt(j))) return false;
    const end = text.indexOf('\n', j);
    const stop = end < 0 ? n : end;
    return stop - start <= MAX_HEADER && BLOCK_HEADER.test(text.slice(start, stop));
  };
  let lineStart = 0;
  let bracesOnLine = 0;
  let i = 0;
  let filled = -1; // depth blocks up to this one are written
  let tokens = 0; // an estimate: punctuation, quoted strings, template openings, runs of word characters
  while (i < n) {
    if (tokens > MAX_TOKENS) return { depths, tooLongAt: lineStart };
    const block = i >> DEPTH_BLOCK_SHIFT;
    const d = depth > 255 ? 255 : depth;
    // Blocks stepped over (comments, heredoc lines) keep the depth they were read at.
    while (filled < block) depths[++filled] = d;
    if (depths[block] < d) depths[block] = d;
    const c = text.charCodeAt(i);
    const kind = top ? stack[top - 1] : 0;
    if (c === 10) {
      lineStart = i + 1;
      bracesOnLine = 0;
      if (open > 0 && kind !== HEREDOC && isHeader(lineStart)) return { depths, brokenAt: lineStart };
    }
    if (kind === QUOTED || kind === HEREDOC) {
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
        // `${` or `%{`
        push(c === 36 ? INTERPOLATION : DIRECTIVE);
        tokens++;
        i += 2;
      } else if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
        i += 3; // `$${` and `%%{` are literal text
      } else if (kind === QUOTED && c === 92) {
        i += 2; // an escape
      } else if (kind === QUOTED && c === 34) {
        pop();
        i++;
      } else if (kind === HEREDOC && c === 10) {
        // A line that holds only the identifier (and blanks) ends the heredoc.
        const id = heredocIds[heredocIds.length - 1];
        let j = i + 1;
        while (j < n && isBlank(text.charCodeAt(j))) j++;
        let k = j + id.length;
        if (text.startsWith(id, j)) while (k < n && isBlank(text.charCodeAt(k))) k++;
        if (text.startsWith(id, j) && (k >= n || text.charCodeAt(k) === 10)) {
          pop();
          i = k;
        } else {
          i++;
        }
      } else {
        i++;
      }
      continue;
    }
    // Expression text: top level, or inside a block, object, bracket, interpolation or directive.
    if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === 34) {
      push(QUOTED);
      tokens++;
      i++;
    } else if (c === 60 && text.charCodeAt(i + 1) === 60) {
      let j = i + 2;
      if (text.charCodeAt(j) === 45) j++;
      const start = j;
      while (j < n && isIdent(text.charCodeAt(j))) j++;
      tokens++;
      if (j > start) {
        heredocIds.push(text.slice(start, j));
        push(HEREDOC);
        // The body starts on the next line; the rest of this one is not part of it.
        const end = text.indexOf('\n', j);
        i = end < 0 ? n : end;
      } else {
        i = j;
      }
    } else if (c === 123) {
      // The first `{` of a line that is a block header opens a block; any other, an object.
      push(bracesOnLine++ === 0 && (kind === 0 || kind === BLOCK) && isHeader(lineStart) ? BLOCK : OBJECT);
      tokens++;
      i++;
    } else if (c === 91 || c === 40) {
      push(BRACKET);
      tokens++;
      i++;
    } else if (c === 125 || c === 93 || c === 41) {
      if (top) pop();
      tokens++;
      i++;
    } else {
      // Each character that is not blank starts a token, except inside a run of word characters.
      if (c !== 10 && !isBlank(c) && !(isIdent(c) && i > 0 && isIdent(text.charCodeAt(i - 1)))) tokens++;
      i++;
    }
  }
  return { depths };
}
