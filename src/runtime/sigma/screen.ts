/**
 * One pass over a record's JSON bytes that finds what the pre-parse screen needs: the top-level
 * `eventName` string value and whether a top-level `eventSource` string is there (classify()'s test for
 * CloudTrail), the `type` of the top-level `userIdentity` (the second index field), and whether any
 * backslash occurs. Only the top level counts, so a CloudTrail-looking key
 * nested in another kind of record never decides anything.
 *
 * Why a JavaScript byte loop: Buffer.indexOf with a multi-byte needle costs several ns per byte per
 * needle and the screen needs five of them; a regex with alternatives tries every position. This loop
 * reads each byte once (strings, which are most of a CloudTrail record, in a tight inner loop).
 * It is a screen, not a parser: anything unexpected answers `ok: false` and the record is parsed.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

export interface TopLevel {
  /** False when the bytes are not one JSON object the loop understands (the caller parses). */
  ok: boolean;
  /** Byte range of the top-level eventName string value (nameStart -1: none, or not a string). */
  nameStart: number;
  nameEnd: number;
  /** eventName appears more than once at the top level (JSON.parse keeps the last: parse to be exact). */
  nameTwice: boolean;
  /** A top-level eventSource whose value is a string. */
  source: boolean;
  backslash: boolean;
  /** Byte range of the string value of `type` in the top-level `userIdentity` object (-1: none). */
  typeStart: number;
  typeEnd: number;
  /**
   * The identity type cannot be told from the bytes (userIdentity or its type given twice, an array,
   * a non-string or escaped type, a flattened `userIdentity.…` key): any type is possible.
   */
  typeAny: boolean;
  /**
   * A key that matters (at the top level, or in the userIdentity object) holds an escape: JSON.parse may
   * decode it to `eventName`, `userIdentity`, `type` … so the bytes cannot be trusted (the caller parses).
   */
  keyEscape: boolean;
}

const out: TopLevel = { ok: false, nameStart: -1, nameEnd: -1, nameTwice: false, source: false, backslash: false, typeStart: -1, typeEnd: -1, typeAny: false, keyEscape: false };

/**
 * After the keys the screen needs, the rest of a record is only searched for those keys again (a
 * duplicate, which JSON.parse would let win) and for backslashes; a regex over its latin1 text does that
 * several times faster than this loop. Any hit resumes the full byte scan. The names are searched
 * without their opening quote: a superset of the keys (a value holding one of the words is scanned in
 * full too), and a third faster than with it (every quote of a record would start an attempt).
 */
const TAIL_KEYS = /eventName|eventSource|userIdentity/;

// "eventName" and "eventSource" as bytes, to compare keys without building strings.
const EVENT_NAME = Buffer.from('eventName');
const EVENT_SOURCE = Buffer.from('eventSource');
const USER_IDENTITY = Buffer.from('userIdentity');
const USER_IDENTITY_DOT = Buffer.from('userIdentity.');
const TYPE = Buffer.from('type');

function keyIs(b: Buffer, start: number, end: number, key: Buffer): boolean {
  if (end - start !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (b[start + k] !== key[k]) return false;
  return true;
}

function startsWith(b: Buffer, start: number, end: number, prefix: Buffer): boolean {
  if (end - start < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (b[start + k] !== prefix[k]) return false;
  return true;
}

/**
 * Scans the record `b[from, to)` (`{…}`); positions in the result are offsets into `b`, and the result
 * object is reused between calls. The scan stops early once the top-level eventName, eventSource and
 * userIdentity have been read and the rest holds none of them again and no backslash: the rest is then
 * not checked for well-formedness (a record that JSON.parse would reject can only be counted as an event
 * instead of as malformed; it could never alert either way).
 */
export function scanTopLevel(b: Buffer, from = 0, to = b.length): TopLevel {
  out.ok = false;
  out.nameStart = out.nameEnd = -1;
  out.nameTwice = false;
  out.source = false;
  out.backslash = false;
  out.typeStart = out.typeEnd = -1;
  out.typeAny = false;
  out.keyEscape = false;
  const n = to;
  if (n - from < 2 || b[from] !== LBRACE) return out;
  let tailChecked = false;
  let depth = 0;
  let expectKey = false;
  /** 1: the value of eventName comes next, 2: of eventSource, 3: of userIdentity, 0: none of them. */
  let pending = 0;
  let sawName = false;
  let sawIdentity = false;
  /** Inside the top-level userIdentity object (depth 2): expecting a key, the value of `type` next. */
  let inIdentity = false;
  let expectKey2 = false;
  let pendingType = false;
  let sawType = false;
  let i = from;
  while (i < n) {
    const c = b[i];
    if (c === QUOTE) {
      const start = i + 1;
      let j = start;
      let esc = false;
      for (;;) {
        if (j >= n) return out; // unterminated string
        const d = b[j];
        if (d === QUOTE) break;
        if (d === BACKSLASH) {
          esc = true;
          j += 2;
        } else j++;
      }
      if (esc) out.backslash = true;
      if (depth === 1) {
        if (expectKey) {
          if (esc) out.keyEscape = true;
          pending = keyIs(b, start, j, EVENT_NAME) ? 1 : keyIs(b, start, j, EVENT_SOURCE) ? 2 : keyIs(b, start, j, USER_IDENTITY) ? 3 : 0;
          if (pending === 1) {
            if (sawName) out.nameTwice = true;
            sawName = true;
            out.nameStart = out.nameEnd = -1; // a later non-string value must not leave an old range
          } else if (pending === 3) {
            if (sawIdentity) out.typeAny = true;
            sawIdentity = true;
          } else if (startsWith(b, start, j, USER_IDENTITY_DOT)) out.typeAny = true; // a flattened `userIdentity.type`
          expectKey = false;
        } else if (pending === 1) {
          out.nameStart = start;
          out.nameEnd = j;
          pending = 0;
        } else if (pending === 2) {
          out.source = true;
          pending = 0;
        } else pending = 0;
      } else if (depth === 2 && inIdentity) {
        if (expectKey2) {
          if (esc) out.keyEscape = true;
          pendingType = keyIs(b, start, j, TYPE);
          if (pendingType) {
            if (sawType) out.typeAny = true;
            sawType = true;
          }
          expectKey2 = false;
        } else if (pendingType) {
          out.typeStart = start;
          out.typeEnd = j;
          for (let k = start; k < j; k++) if (b[k] === BACKSLASH) out.typeAny = true;
          pendingType = false;
        }
      }
      i = j + 1;
      continue;
    }
    if (c === LBRACE || c === LBRACKET) {
      depth++;
      if (depth === 1) expectKey = c === LBRACE;
      else if (depth === 2) {
        // An object or array value: not a string. The userIdentity object is read for its type.
        if (pending === 3) {
          if (c === LBRACE) {
            inIdentity = expectKey2 = true;
            pendingType = false;
          } else out.typeAny = true; // an array of identities: the field has every element's type
        }
        pending = 0;
      } else if (depth === 3 && inIdentity && pendingType) {
        out.typeAny = true; // an object or array type
        pendingType = false;
      }
    } else if (c === RBRACE || c === RBRACKET) {
      depth--;
      if (depth === 0) {
        out.ok = i === n - 1;
        return out;
      }
      if (depth === 1) inIdentity = false;
    } else if (depth === 1) {
      if (c === COMMA) {
        expectKey = true;
        pending = 0;
        if (!tailChecked && out.nameStart >= 0 && out.source && sawIdentity && !out.backslash && b[n - 1] === RBRACE) {
          // Everything the screen needs is read: check the rest in one regex pass (see TAIL_KEYS).
          tailChecked = true;
          const tail = b.toString('latin1', i, n);
          if (tail.indexOf('\\') < 0 && !TAIL_KEYS.test(tail)) {
            out.ok = true;
            return out;
          }
        }
      } else if (c !== COLON && c > 0x20) pending = 0; // a number, true, false or null value
    } else if (depth === 2 && inIdentity) {
      if (c === COMMA) {
        expectKey2 = true;
        pendingType = false;
      } else if (c !== COLON && c > 0x20 && pendingType) {
        out.typeAny = true; // a number, true, false or null type
        pendingType = false;
      }
    }
    i++;
  }
  return out;
}
