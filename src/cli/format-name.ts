/**
 * Normalises a `--format` value: names are case-insensitive, like severities. Its own module (also
 * re-exported by options.ts) so that `aigis hash` and `aigis verify` do not load picomatch for it.
 */
export function formatName(value: string): string {
  return value.trim().toLowerCase();
}
