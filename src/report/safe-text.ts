/**
 * Scanned content (paths, messages, advisory summaries) must not drive a terminal or reorder what a
 * reviewer reads. Every human formatter (table, markdown, bom table) passes scanned text through
 * `neutralise`: C0/C1 control characters (terminal escapes, NUL) and Unicode bidirectional controls
 * (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C — "Trojan Source", CVE-2021-42574) are
 * replaced by a visible placeholder, so a U+202E in an OSV summary cannot reverse the line it is in.
 * Newlines and tabs become spaces: one field stays one line.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NEWLINE = /\r\n|[\n\r\t\u2028\u2029]/g;

export function neutralise(text: string): string {
  return text.replace(NEWLINE, ' ').replace(UNSAFE, '?');
}

/**
 * Scanned text placed in HTML or SVG (element content or a quoted attribute): neutralised as above,
 * then the five markup characters become entities, so `</script>` or `" onload=` in a file name stays text.
 */
export function escapeMarkup(text: string): string {
  return neutralise(text).replace(/[&<>"']/g, (c) => MARKUP_ENTITY[c]);
}

const MARKUP_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
