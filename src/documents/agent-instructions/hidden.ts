/**
 * Finds text a human reviewer does not see but a model reads: Unicode tag characters (U+E0000–E007F,
 * which spell ASCII invisibly), zero-width characters, bidirectional overrides (Trojan Source), and
 * instruction-like content inside HTML comments or `<IMPORTANT>`-style blocks. Returns the hidden text
 * made visible (escaped, tag characters decoded to ASCII). Pure; no third-party code needed (a few
 * code-point ranges).
 */

export interface HiddenFinding {
  kind: 'tag-characters' | 'bidi-override' | 'zero-width' | 'hidden-markup';
  /** Offset in the scanned text. */
  offset: number;
  /** The hidden content made visible. */
  visible: string;
}

const TAG = /[\u{E0000}-\u{E007F}]+/gu;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
/** Zero-width and invisible formatting characters (ZWJ only outside emoji sequences). */
const ZW = /(?:\u200B|\u200C|\u200D|[\u2060-\u2064]|\uFEFF|\u180E|\u00AD)+/g;
const MARKUP = /<!--([\s\S]*?)-->|<(IMPORTANT|SYSTEM|INSTRUCTIONS?|SECRET|HIDDEN)\b[^>]*>([\s\S]*?)<\/\2\s*>/gi;
/** Imperatives aimed at a model, and the usual targets of exfiltration. */
const INSTRUCTION = /\b(?:ignore\s+(?:all|any|the|previous|prior|above)|disregard|do\s+not\s+(?:tell|mention|reveal|inform|show|disclose)|don'?t\s+(?:tell|mention|reveal)|without\s+(?:telling|asking|informing|mentioning)|never\s+(?:tell|mention|reveal)|secretly|silently|exfiltrat\w*|you\s+must|before\s+using\s+this\s+tool|always\s+(?:run|execute|call|include)|run\s+the\s+following|execute\s+the|send\s+(?:it|them|the\s+\w+|all)\s+to|upload\s+(?:it|them)|curl\s|wget\s|base64|~\/\.ssh|id_rsa|\.aws\/credentials|mcp\.json|\.env\b|api[_\s-]?keys?|passwords?|credentials|private\s+keys?|system\s+prompt)\b/i;

export function findHidden(text: string): HiddenFinding[] {
  const out: HiddenFinding[] = [];
  for (const m of text.matchAll(TAG)) out.push({ kind: 'tag-characters', offset: m.index ?? 0, visible: decodeTags(m[0]) });
  for (const m of text.matchAll(BIDI)) out.push({ kind: 'bidi-override', offset: m.index ?? 0, visible: context(text, m.index ?? 0) });
  for (const m of text.matchAll(ZW)) {
    const at = m.index ?? 0;
    if (at === 0 && m[0] === '\uFEFF') continue; // a byte-order mark
    if (/^\u200D+$/.test(m[0]) && isEmojiJoin(text, at, m[0].length)) continue;
    if (/^[\u200C\u200D]+$/.test(m[0]) && !isAsciiWordJoin(text, at, m[0].length)) continue; // ZWNJ/ZWJ in scripts that need them
    if (m[0] === '\u00AD') continue; // a lone soft hyphen is typography
    out.push({ kind: 'zero-width', offset: at, visible: context(text, at) });
  }
  for (const m of text.matchAll(MARKUP)) {
    const inner = m[1] ?? m[3] ?? '';
    if (!INSTRUCTION.test(inner)) continue;
    out.push({ kind: 'hidden-markup', offset: m.index ?? 0, visible: escapeInvisible(oneLine(m[0])).slice(0, 240) });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Tag characters spell ASCII: U+E0041 is 'A'. */
export function decodeTags(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)! - 0xe0000;
    out += cp >= 0x20 && cp < 0x7f ? String.fromCharCode(cp) : `\\u{${(cp + 0xe0000).toString(16).toUpperCase()}}`;
  }
  return out;
}

/** Every invisible or direction-changing character written as `\u{XXXX}`. */
export function escapeInvisible(s: string): string {
  return s.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u180E\u00AD\u{E0000}-\u{E007F}]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

function context(text: string, at: number): string {
  return escapeInvisible(oneLine(text.slice(Math.max(0, at - 30), at + 40)));
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function isEmojiJoin(text: string, at: number, len: number): boolean {
  const before = text.slice(Math.max(0, at - 2), at);
  const after = text.slice(at + len, at + len + 2);
  return /\p{Extended_Pictographic}|\uFE0F|[\u{1F3FB}-\u{1F3FF}]/u.test(before) && /\p{Extended_Pictographic}/u.test(after);
}

function isAsciiWordJoin(text: string, at: number, len: number): boolean {
  return /[\x21-\x7e]/.test(text[at - 1] ?? '') && /[\x21-\x7e]/.test(text[at + len] ?? '');
}

/** Source-code escapes (`\u200b`, `\u{E0041}`, `\U000E0041`) turned into the characters they produce at run time. */
export function unescapeSource(s: string): string {
  return s
    .replace(/\\U([0-9a-fA-F]{8})/g, (m, h: string) => safeChar(parseInt(h, 16)) ?? m)
    .replace(/\\u\{([0-9a-fA-F]{1,6})\}/g, (m, h: string) => safeChar(parseInt(h, 16)) ?? m)
    .replace(/\\u([0-9a-fA-F]{4})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?/g, (m, h: string, lo?: string) => {
      const hi = parseInt(h, 16);
      if (lo && hi >= 0xd800 && hi <= 0xdbff) return String.fromCharCode(hi, parseInt(lo, 16));
      return safeChar(hi) ?? m;
    });
}

function safeChar(cp: number): string | undefined {
  return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : undefined;
}
