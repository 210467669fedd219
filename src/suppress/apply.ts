import type { Finding, Note, SuppressedFinding } from '../core/model.js';
import { compilePathGlob } from './glob.js';
import type { IgnoreEntry } from './ignore-entry.js';
import { ruleMatches } from './inline.js';
import { EXPIRED_IGNORE_SOURCE } from './expired.js';

export { EXPIRED_IGNORE_SOURCE };

export interface ApplyResult {
  kept: Finding[];
  suppressed: SuppressedFinding[];
  notes: Note[];
}

/**
 * Applies ignore entries to findings. Pure: `today` (YYYY-MM-DD, UTC) is passed in.
 * - A live entry moves every finding it matches to `suppressed`, with `by` and the entry's reason.
 * - An expired entry suppresses nothing and leaves a warning note, so expiry is never silent.
 * - A live entry that matched nothing leaves an info note (stale suppressions are worth cleaning up).
 */
export function applyIgnores(findings: Finding[], entries: IgnoreEntry[], by: SuppressedFinding['by'], today: string): ApplyResult {
  const live: { entry: IgnoreEntry; matches: (f: Finding) => boolean; used: number }[] = [];
  const notes: Note[] = [];
  for (const entry of entries) {
    const matches = entryMatcher(entry);
    if (entry.expires && entry.expires < today) {
      const would = findings.filter(matches).length;
      notes.push({
        level: 'warning',
        path: entry.origin.replace(/:\d+$/, ''),
        message: `ignore entry at ${entry.origin} (${describe(entry)}) expired on ${entry.expires} and no longer suppresses findings${would ? ` (${would} finding${would === 1 ? '' : 's'} reported again)` : ''}; fix them or renew the entry with a reason`,
        source: EXPIRED_IGNORE_SOURCE,
      });
      continue;
    }
    live.push({ entry, matches, used: 0 });
  }
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const hit = live.find((l) => l.matches(f));
    if (!hit) {
      kept.push(f);
      continue;
    }
    hit.used++;
    suppressed.push({ finding: f, by, reason: hit.entry.reason, ...(hit.entry.expires ? { expires: hit.entry.expires } : {}) });
  }
  for (const l of live) {
    if (!l.used) notes.push({ level: 'info', path: l.entry.origin.replace(/:\d+$/, ''), message: `ignore entry at ${l.entry.origin} (${describe(l.entry)}) matched no finding`, source: 'suppress' });
  }
  return { kept, suppressed, notes };
}

function entryMatcher(entry: IgnoreEntry): (f: Finding) => boolean {
  const pathMatches = entry.path ? compilePathGlob(entry.path) : undefined;
  return (f) =>
    ruleMatches(entry.rule, f.ruleId) &&
    // Either fingerprint: the line-free `stableFingerprint` (aigis/v2) or the older line-based one (aigis/v1).
    (!entry.fingerprint || entry.fingerprint === f.stableFingerprint || entry.fingerprint === f.fingerprint) &&
    (!pathMatches || (f.location.path !== undefined && pathMatches(f.location.path)));
}

function describe(e: IgnoreEntry): string {
  return [e.rule, e.path ? `on ${e.path}` : '', e.fingerprint ? `fingerprint ${e.fingerprint}` : ''].filter(Boolean).join(' ');
}

/** Today's date in UTC as YYYY-MM-DD (the CLI's clock; tests pass their own). */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
