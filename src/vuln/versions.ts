/**
 * Version ordering per ecosystem, as OSV defines it: PyPI by PEP 440 (`@renovatebot/pep440`), npm by
 * SemVer 2.0 (`semver`). These are plain orderings (pre-releases, post-releases and local versions
 * all take their place in the order), not pip's or npm's install-time specifier rules.
 */
import * as pep440 from '@renovatebot/pep440';
import semver from 'semver';

export type Ecosystem = 'PyPI' | 'npm';

export const SUPPORTED_ECOSYSTEMS: readonly Ecosystem[] = ['PyPI', 'npm'];

/** A version normalised for comparison; undefined when the string is not a version of that ecosystem. */
const pypiCache = new Map<string, string | null>();

/**
 * PEP 440 normal form of `v`, or undefined. Some advisory records spell a local build with a dash
 * (`2.6.0-cu124`, which PEP 440 rejects); when the strict parse fails and the dashed suffix is a
 * valid local label we read it as one (`2.6.0+cu124`), as the record's author evidently meant.
 */
export function pypiVersion(v: string): string | undefined {
  let hit = pypiCache.get(v);
  if (hit === undefined) {
    const s = v.trim();
    hit = pep440.valid(s);
    if (hit === null) {
      const m = /^([0-9!.]+[0-9a-z.]*?)-([a-z][a-z0-9.]*)$/i.exec(s);
      if (m) hit = pep440.valid(`${m[1]}+${m[2]}`);
    }
    if (pypiCache.size > 100_000) pypiCache.clear();
    pypiCache.set(v, hit);
  }
  return hit ?? undefined;
}

export function npmVersion(v: string): string | undefined {
  return semver.valid(v.trim(), { loose: true }) ?? undefined;
}

/** Normalised version for the ecosystem, or undefined when `v` is not a valid version there. */
export function parseVersion(eco: Ecosystem, v: string): string | undefined {
  return eco === 'PyPI' ? pypiVersion(v) : npmVersion(v);
}

/** Compares two versions already normalised by `parseVersion`. */
export function compareVersions(eco: Ecosystem, a: string, b: string): number {
  return eco === 'PyPI' ? pep440.compare(a, b) : semver.compare(a, b, { loose: true });
}

/**
 * Equality as the ecosystem's exact pin means it: PEP 440 `==X` ignores the candidate's local label
 * when X has none (so `2.5.1+cu121` is the release `2.5.1`); SemVer ignores build metadata.
 */
export function sameRelease(eco: Ecosystem, candidate: string, listed: string): boolean {
  if (eco === 'npm') return semver.eq(candidate, listed, { loose: true });
  if (pep440.compare(candidate, listed) === 0) return true;
  if (!listed.includes('+') && candidate.includes('+')) return pep440.compare(candidate.split('+')[0], listed) === 0;
  return false;
}

export function isEcosystem(v: string): v is Ecosystem {
  return v === 'PyPI' || v === 'npm';
}

const keyCache = new Map<string, string>();

/** pre/post/dev parts: the typings say arrays, the library returns numbers for post/dev. */
function part(x: unknown): string {
  return Array.isArray(x) ? x.join('') : x === null || x === undefined ? '' : String(x);
}

/**
 * A string equal for two PyPI versions exactly when PEP 440 says they are equal (`1.0` = `1.0.0`,
 * `1.0RC1` = `1.0rc1`), for set look-ups; `local: false` drops the local label (pip's `==X` match).
 */
export function pypiKey(normalised: string, local = true): string {
  const memo = `${local ? 'L' : 'P'}${normalised}`;
  let k = keyCache.get(memo);
  if (k === undefined) {
    const e = pep440.explain(normalised);
    if (!e) k = normalised;
    else {
      const rel = [...e.release];
      while (rel.length > 1 && rel[rel.length - 1] === 0) rel.pop();
      k = `${e.epoch}!${rel.join('.')}|${part(e.pre)}|${part(e.post)}|${part(e.dev)}|${local ? (e.local ?? '') : ''}`;
    }
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(memo, k);
  }
  return k;
}
