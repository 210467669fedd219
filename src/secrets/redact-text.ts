/**
 * Redacts credentials inside free text that is not a secrets finding: package specifiers
 * (`git+https://ghp_…@github.com/org/repo`), index URLs, parse-error messages that quote a line.
 * Used once, at report build (src/report/build.ts), for every asset property and every note, so no
 * analyzer has to remember to do it. Two passes:
 * 1. URL user-info: the password of `scheme://user:password@host` always, and a user name that is a
 *    token rather than a name (`https://ghp_…@github.com`, `https://x-access-token:…@`).
 * 2. Every credential the secrets catalogue recognises (`hf_…`, `sk-…`, `AKIA…`), by the same engine
 *    as the secrets rule.
 * Redacted values keep a short prefix and their length (src/core/redact.ts), never the value.
 */
import { redact } from '../core/redact.js';
import { scanText } from './scan-text.js';

/** `scheme://user[:password]@` — user-info stops at the first `/`, `@` or space. */
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/)([^\s/@:?#]*)(?::([^\s/@?#]*))?@/gi;
/** Account names that are names (`git@`, `oauth2:` …), not credentials. */
const PLAIN_USER = /^(?:git|hg|svn|anonymous|oauth2|x-access-token|x-token-auth|token|__token__|user|username|[a-z][a-z0-9._-]{0,15})$/i;
/** Shorter strings cannot hold a credential the catalogue knows (its shortest tokens are longer). */
const MIN_LENGTH = 12;

export function redactSecretsIn(text: string): string {
  if (text.length < MIN_LENGTH) return text;
  let out = text.includes('@') ? text.replace(URL_USERINFO, redactUserInfo) : text;
  const matches = scanText(out);
  if (!matches.length) return out;
  // Replace from the end so earlier offsets stay valid.
  const spans = matches.flatMap((m) => (m.partner ? [m, m.partner] : [m])).sort((a, b) => b.start - a.start);
  let last = Infinity;
  for (const s of spans) {
    if (s.end > last) continue; // overlapping partner: already replaced
    out = `${out.slice(0, s.start)}${redact(s.value)}${out.slice(s.end)}`;
    last = s.start;
  }
  return out;
}

function redactUserInfo(_m: string, scheme: string, user: string, password: string | undefined): string {
  const shownUser = user && !PLAIN_USER.test(user) ? redact(decodeSafe(user)) : user;
  const shownPassword = password === undefined ? '' : `:${password ? redact(decodeSafe(password)) : ''}`;
  return `${scheme}${shownUser}${shownPassword}@`;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
