/**
 * Is version V of a package affected by an advisory? The OSV evaluation (ossf.github.io/osv-schema,
 * "Evaluation"): each range's events are sorted by version and walked — `introduced` switches to
 * affected when V ≥ it, `fixed` switches off when V ≥ it, `last_affected` switches off when V > it,
 * and `limit` caps the range (V must be below one limit when any is given). A version is affected when
 * any range of any matching `affected` entry says so, or when it is listed in `versions`.
 */
import type { AdvisoryRecord, CompactAffected, CompactRange, RangeEvent } from './record.js';
import { compareVersions, parseVersion, pypiKey, sameRelease, type Ecosystem } from './versions.js';

interface ParsedEvent {
  kind: keyof RangeEvent;
  /** Normalised version; `undefined` for `introduced: "0"` (before every version). */
  version: string | undefined;
}

/** Parsed events of a range, or undefined when one of its versions is not valid in the ecosystem. */
function parseRange(eco: Ecosystem, range: CompactRange): ParsedEvent[] | undefined {
  const out: ParsedEvent[] = [];
  for (const e of range.events) {
    const kind = Object.keys(e)[0] as keyof RangeEvent;
    const raw = e[kind]!;
    if (kind === 'introduced' && raw === '0') {
      out.push({ kind, version: undefined });
      continue;
    }
    if (kind === 'limit' && raw === '*') continue;
    const v = parseVersion(eco, raw);
    // A range we cannot read is skipped rather than guessed: a wrong guess would be a false match.
    if (v === undefined) return undefined;
    out.push({ kind, version: v });
  }
  return out.sort((a, b) => (a.version === undefined ? -1 : b.version === undefined ? 1 : compareVersions(eco, a.version, b.version)));
}

const rangeCache = new WeakMap<CompactRange, ParsedEvent[] | null>();

function parsedRange(eco: Ecosystem, range: CompactRange): ParsedEvent[] | undefined {
  let hit = rangeCache.get(range);
  if (hit === undefined) {
    hit = parseRange(eco, range) ?? null;
    rangeCache.set(range, hit);
  }
  return hit ?? undefined;
}

export function inRange(eco: Ecosystem, version: string, range: CompactRange): boolean {
  const events = parsedRange(eco, range);
  if (!events) return false;
  const limits = events.filter((e) => e.kind === 'limit');
  if (limits.length > 0 && !limits.some((l) => compareVersions(eco, version, l.version!) < 0)) return false;
  let affected = false;
  for (const e of events) {
    if (e.kind === 'introduced') {
      if (e.version === undefined || compareVersions(eco, version, e.version) >= 0) affected = true;
    } else if (e.kind === 'fixed') {
      if (compareVersions(eco, version, e.version!) >= 0) affected = false;
    } else if (e.kind === 'last_affected') {
      if (compareVersions(eco, version, e.version!) > 0) affected = false;
    }
  }
  return affected;
}

interface ListedIndex {
  /** PEP 440 keys of listed versions that have no local label / that have one; raw strings of invalid ones. */
  publicKeys: Set<string>;
  localKeys: Set<string>;
  raw: Set<string>;
  normalised: string[];
}

const listedCache = new WeakMap<CompactAffected, ListedIndex>();

function listedIndex(entry: CompactAffected): ListedIndex {
  let idx = listedCache.get(entry);
  if (!idx) {
    idx = { publicKeys: new Set(), localKeys: new Set(), raw: new Set(), normalised: [] };
    for (const listed of entry.versions ?? []) {
      const l = parseVersion(entry.ecosystem, listed);
      if (l === undefined) idx.raw.add(listed);
      else if (entry.ecosystem === 'PyPI') (l.includes('+') ? idx.localKeys : idx.publicKeys).add(pypiKey(l));
      else idx.normalised.push(l);
    }
    listedCache.set(entry, idx);
  }
  return idx;
}

/** True when `version` is one of the entry's explicit `versions` (pip's `==X` for PyPI, SemVer equality for npm). */
function listed(entry: CompactAffected, version: string): boolean {
  if (!entry.versions?.length) return false;
  const idx = listedIndex(entry);
  if (idx.raw.has(version)) return true;
  if (entry.ecosystem === 'PyPI') return idx.publicKeys.has(pypiKey(version, false)) || idx.localKeys.has(pypiKey(version));
  return idx.normalised.some((l) => sameRelease(entry.ecosystem, version, l));
}

/** True when `version` (already normalised) is affected by this `affected` entry. */
export function affectedBy(entry: CompactAffected, version: string): boolean {
  return listed(entry, version) || entry.ranges.some((r) => inRange(entry.ecosystem, version, r));
}

/** The `affected` entries of `record` for this package that cover `version`. */
export function matchRecord(record: AdvisoryRecord, eco: Ecosystem, name: string, version: string): CompactAffected[] {
  return record.affected.filter((a) => a.ecosystem === eco && a.name === name && affectedBy(a, version));
}

/**
 * The nearest fixed version at or above `version` across the matching entries (the upgrade target),
 * or undefined when no matching range has a fix above it.
 */
export function nearestFix(entries: CompactAffected[], version: string): string | undefined {
  let best: string | undefined;
  for (const entry of entries) {
    const eco = entry.ecosystem;
    for (const r of entry.ranges) {
      for (const e of r.events) {
        if (e.fixed === undefined) continue;
        const f = parseVersion(eco, e.fixed);
        if (f === undefined || compareVersions(eco, f, version) <= 0) continue;
        // The fix must actually leave every matching entry unaffected, else it is no remedy.
        if (entries.some((other) => affectedBy(other, f))) continue;
        if (best === undefined || compareVersions(eco, f, parseVersion(eco, best)!) < 0) best = e.fixed;
      }
    }
  }
  return best;
}

/**
 * For ranges closed by `last_affected` (no `fixed` event): the highest last affected version at or
 * above `version` across the matching entries, so that the remedy can say "upgrade past X" instead of
 * "no fix is known" when the record simply names the last bad release.
 */
export function lastAffected(entries: CompactAffected[], version: string): string | undefined {
  let best: string | undefined;
  for (const entry of entries) {
    const eco = entry.ecosystem;
    for (const r of entry.ranges) {
      if (!inRange(eco, version, r)) continue;
      for (const e of r.events) {
        if (e.last_affected === undefined) continue;
        const v = parseVersion(eco, e.last_affected);
        if (v === undefined || compareVersions(eco, v, version) < 0) continue;
        if (best === undefined || compareVersions(eco, v, parseVersion(eco, best)!) > 0) best = e.last_affected;
      }
    }
  }
  return best;
}
