/**
 * Lengths past which a dependency entry is not a real one: a hostile manifest's 1.8 MB version string
 * was otherwise copied into every advisory finding's message and evidence (28 findings, a 244 MB SARIF).
 * npm caps names at 214 characters and node-semver versions at 256; PEP 440 versions and PEP 503 names
 * stay far below; requirement strings with markers and several ranges stay under 1,024.
 */
import type { Note } from '../core/model.js';
import type { PackageEntry } from './types.js';

export const MAX_NAME_LENGTH = 214;
export const MAX_VERSION_LENGTH = 256;
export const MAX_SPECIFIER_LENGTH = 1024;

/** True when every field of the entry is within its bound. */
export function withinBounds(e: Pick<PackageEntry, 'name' | 'version' | 'specifier'>): boolean {
  return e.name.length <= MAX_NAME_LENGTH && (e.version?.length ?? 0) <= MAX_VERSION_LENGTH && (e.specifier?.length ?? 0) <= MAX_SPECIFIER_LENGTH;
}

/** The entries within bounds, and a note naming the first line of those that are not (one per file). */
export function boundedEntries(entries: PackageEntry[], path: string, source: string): { entries: PackageEntry[]; note?: Note } {
  const kept = entries.filter(withinBounds);
  if (kept.length === entries.length) return { entries };
  const first = entries.find((e) => !withinBounds(e))!;
  const dropped = entries.length - kept.length;
  return {
    entries: kept,
    note: {
      level: 'warning',
      path,
      message: `${source}: ${dropped} dependenc${dropped === 1 ? 'y' : 'ies'} (first at line ${first.line}) with a name over ${MAX_NAME_LENGTH}, a version over ${MAX_VERSION_LENGTH} or a requirement over ${MAX_SPECIFIER_LENGTH} characters not read`,
      source: 'packages',
    },
  };
}
