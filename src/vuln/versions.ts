/**
 * Version ordering per ecosystem, as OSV defines it: PyPI by PEP 440 (`@renovatebot/pep440`), npm by
 * SemVer 2.0 (`semver`). These are plain orderings (pre-releases, post-releases and local versions
 * all take their place in the order), not pip's or npm's install-time specifier rules.
 */
import * as pep440 from '@renovatebot/pep440';
import semver from 'semver';

export type Ecosystem = 'PyPI' | 'npm' | 'Go';

export const SUPPORTED_ECOSYSTEMS: readonly Ecosystem[] = ['PyPI', 'npm', 'Go'];

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

/**
 * Go module versions are SemVer with a `v` prefix (`v1.2.3`, pseudo-versions `v0.0.0-2024…-abcdef`,
 * `+incompatible`); OSV Go records write them without the `v`. Both normalise to the bare SemVer.
 */
export function goVersion(v: string): string | undefined {
  return semver.valid(v.trim().replace(/^v/, '')) ?? undefined;
}

/** Normalised version for the ecosystem, or undefined when `v` is not a valid version there. */
export function parseVersion(eco: Ecosystem, v: string): string | undefined {
  return eco === 'PyPI' ? pypiVersion(v) : eco === 'Go' ? goVersion(v) : npmVersion(v);
}

/**
 * PEP 440 sort key of a normalised version, as `packaging.version._cmpkey` builds it: epoch, release
 * without trailing zeros, pre (a dev-only release sorts before any pre-release, a final after all),
 * post, dev (none sorts last), local (numeric segments above alphanumeric ones). Parsed once per
 * string: `pep440.compare` re-parses both sides on every call, which dominated large imports.
 */
type Seg = number | string;
interface SortKey {
  epoch: number;
  release: number[];
  pre: [number, number];
  post: number;
  dev: number;
  local: Seg[] | null;
}

const PRE_RANK: Record<string, number> = { a: 0, b: 1, rc: 2 };
const sortKeys = new Map<string, SortKey | null>();

function num(x: unknown): number | undefined {
  if (Array.isArray(x)) return typeof x[x.length - 1] === 'number' ? (x[x.length - 1] as number) : Number(x[x.length - 1]);
  return typeof x === 'number' ? x : x === null || x === undefined ? undefined : Number(x);
}

function sortKey(v: string): SortKey | null {
  let k = sortKeys.get(v);
  if (k === undefined) {
    const e = pep440.explain(v);
    if (!e) k = null;
    else {
      const release = [...e.release];
      while (release.length > 1 && release[release.length - 1] === 0) release.pop();
      const post = num(e.post);
      const dev = num(e.dev);
      let pre: [number, number];
      if (e.pre && e.pre.length) pre = [PRE_RANK[String(e.pre[0])] ?? 0, Number(e.pre[1] ?? 0)];
      else if (post === undefined && dev !== undefined) pre = [-Infinity, 0];
      else pre = [Infinity, 0];
      k = {
        epoch: e.epoch,
        release,
        pre,
        post: post ?? -Infinity,
        dev: dev ?? Infinity,
        local: e.local ? e.local.split(/[._-]/).map((s) => (/^\d+$/.test(s) ? Number(s) : s.toLowerCase())) : null,
      };
    }
    if (sortKeys.size > 200_000) sortKeys.clear();
    sortKeys.set(v, k);
  }
  return k;
}

function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLocal(a: Seg[] | null, b: Seg[] | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return cmp(x, y);
    } else if (typeof x === 'number') return 1; // numeric segments sort above alphanumeric ones
    else if (typeof y === 'number') return -1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return cmp(a.length, b.length);
}

export function comparePypi(a: string, b: string): number {
  const x = sortKey(a);
  const y = sortKey(b);
  if (!x || !y) return pep440.compare(a, b);
  if (x.epoch !== y.epoch) return cmp(x.epoch, y.epoch);
  for (let i = 0; i < Math.max(x.release.length, y.release.length); i++) {
    const d = cmp(x.release[i] ?? 0, y.release[i] ?? 0);
    if (d) return d;
  }
  return cmp(x.pre[0], y.pre[0]) || cmp(x.pre[1], y.pre[1]) || cmp(x.post, y.post) || cmp(x.dev, y.dev) || compareLocal(x.local, y.local);
}

/** Compares two versions already normalised by `parseVersion`. */
export function compareVersions(eco: Ecosystem, a: string, b: string): number {
  return eco === 'PyPI' ? comparePypi(a, b) : semver.compare(a, b, { loose: true });
}

/**
 * Equality as the ecosystem's exact pin means it: PEP 440 `==X` ignores the candidate's local label
 * when X has none (so `2.5.1+cu121` is the release `2.5.1`); SemVer ignores build metadata.
 */
export function sameRelease(eco: Ecosystem, candidate: string, listed: string): boolean {
  if (eco !== 'PyPI') return semver.eq(candidate, listed, { loose: true });
  if (pep440.compare(candidate, listed) === 0) return true;
  if (!listed.includes('+') && candidate.includes('+')) return pep440.compare(candidate.split('+')[0], listed) === 0;
  return false;
}

export function isEcosystem(v: string): v is Ecosystem {
  return v === 'PyPI' || v === 'npm' || v === 'Go';
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
