/**
 * Redaction for every output: a short prefix and the length, never the value.
 * The prefix is at most `keep` characters and never more than a quarter of the secret,
 * so that short secrets do not leak most of themselves.
 */
export function redact(secret: string, keep = 8): string {
  const n = Math.min(keep, Math.floor(secret.length / 4));
  return `${secret.slice(0, n)}…(${secret.length} chars)`;
}
