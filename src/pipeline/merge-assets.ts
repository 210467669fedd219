import type { Asset, Location, Relation } from '../core/model.js';

/**
 * Locations kept per asset. A package pinned in 300,000 lines of a generated requirements file is
 * still one asset; the report lists its first sightings and counts the rest in the
 * `locationsOmitted` property (distinct locations not listed).
 */
export const MAX_LOCATIONS_PER_ASSET = 100;

/** One package declaration as its file wrote it. */
export interface Requirement {
  path?: string;
  line?: number;
  specifier: string;
  /** `dev`, `optional`, `extra:…`, `group:…`, `constraint`; absent for a main requirement. */
  scope?: string;
}

interface Entry {
  asset: Asset;
  /** Lines seen per place (path, or path + member + url): numbers hash without building a string per location. */
  locations: Map<string, Set<number>>;
  /** Created with the first relation (most assets have none). */
  relations?: Set<string>;
  omitted: number;
  /** Package requirements as each declaration wrote them (`path:line` → requirement); packages only. */
  requirements?: Map<string, Requirement>;
  /** Requirements written by a manifest (not resolved by a lockfile or read from installed metadata). */
  declared?: Set<Requirement>;
}

/**
 * Merges assets with the same id (the same package seen in a manifest and a lockfile, the same
 * model referenced twice): locations and relations are united, properties of other sightings fill
 * gaps. Where two sightings disagree on a property the result does not depend on which was read
 * first (issue 13: renaming a sibling directory must not change the report): the smaller value in a
 * fixed order wins, a package is `direct` when any declaration is, keeps a `scope` only when every
 * declaration has it, and keeps a single `specifier` only when every declaration wrote the same one
 * (else each stays in `requirements`). Linear in the number of assets and locations: ids,
 * locations and relations are looked up in hash sets, never by scanning the lists.
 */
export function mergeAssets(assets: readonly Asset[]): Asset[] {
  const byId = new Map<string, Entry>();
  for (const a of assets) {
    let e = byId.get(a.id);
    if (!e) {
      const { locationsOmitted, requirements: _r, ...properties } = a.properties;
      e = {
        asset: { ...a, locations: [], relations: [], properties },
        locations: new Map(),
        omitted: typeof locationsOmitted === 'number' ? locationsOmitted : 0,
      };
      byId.set(a.id, e);
    } else {
      const prev = e.asset;
      for (const [k, v] of Object.entries(a.properties)) {
        if (k === 'locationsOmitted') e.omitted += typeof v === 'number' ? v : 0;
        else if (k === 'requirements' || v === undefined) continue;
        else if (prev.properties[k] === undefined) prev.properties[k] = v;
        else if (k === 'direct') prev.properties.direct = prev.properties.direct === true || v === true;
        else if (before(v, prev.properties[k])) prev.properties[k] = v;
      }
      if (a.version !== undefined && (prev.version === undefined || before(a.version, prev.version))) prev.version = a.version;
      if (a.confidence !== undefined) prev.confidence = Math.max(prev.confidence ?? 0, a.confidence);
    }
    for (const loc of a.locations) addLocation(e, loc);
    for (const rel of a.relations) addRelation(e, rel);
    if (a.kind === 'package') addRequirements(e, a);
  }
  const out: Asset[] = [];
  for (const e of byId.values()) {
    if (e.omitted > 0) e.asset.properties.locationsOmitted = e.omitted;
    if (e.requirements) settleRequirements(e, e.requirements);
    out.push(e.asset);
  }
  return out;
}

/**
 * Requirements are per declaration (issue 13.1): when files ask for different ranges (or one lists
 * the package as an extra and another as a main dependency), each keeps its own, so `pyproject.toml`'s
 * `>=5.5.3` is never reported with another file's `>=4.53.0`.
 */
function settleRequirements(e: Entry, requirements: Map<string, Requirement>): void {
  const reqs = [...requirements.values()].sort((a, b) => cmp(a.path ?? '', b.path ?? '') || (a.line ?? 0) - (b.line ?? 0));
  const p = e.asset.properties;
  const specifiers = new Set(reqs.map((r) => r.specifier));
  // Lockfiles and installed metadata resolve what manifests declare: only declarations say whether a
  // package is a main requirement, a dev dependency or an extra.
  const scopes = new Set(reqs.filter((r) => e.declared?.has(r)).map((r) => r.scope));
  if (specifiers.size > 1 || scopes.size > 1) p.requirements = reqs;
  if (specifiers.size > 1) delete p.specifier;
  // A package one declaration needs at run time is not "only an extra" because another lists it so.
  if (scopes.has(undefined)) delete p.scope;
  else if (scopes.size > 1) p.scope = [...scopes].sort()[0];
}

function addRequirements(e: Entry, a: Asset): void {
  const declared = a.properties.source !== 'lockfile' && a.properties.source !== 'installed';
  const listed = a.properties.requirements;
  if (Array.isArray(listed)) {
    for (const r of listed as Requirement[]) {
      if (typeof r?.specifier === 'string') addRequirement(e, { path: r.path, line: r.line, specifier: r.specifier, ...(typeof r.scope === 'string' ? { scope: r.scope } : {}) }, declared);
    }
  }
  const spec = a.properties.specifier;
  if (typeof spec !== 'string') return;
  const scope = typeof a.properties.scope === 'string' ? a.properties.scope : undefined;
  for (const loc of a.locations) addRequirement(e, { path: loc.path, line: loc.startLine, specifier: spec, ...(scope ? { scope } : {}) }, declared);
}

function addRequirement(e: Entry, r: Requirement, declared: boolean): void {
  const key = `${r.path ?? ''}:${r.line ?? ''}`;
  const requirements = (e.requirements ??= new Map());
  if (requirements.has(key) || requirements.size >= MAX_LOCATIONS_PER_ASSET) return;
  requirements.set(key, r);
  if (declared) (e.declared ??= new Set()).add(r);
}

function addLocation(e: Entry, loc: Location): void {
  const place = loc.member === undefined && loc.url === undefined ? (loc.path ?? '') : `${loc.path}\u0000${loc.member ?? ''}\u0000${loc.url ?? ''}`;
  let lines = e.locations.get(place);
  if (!lines) e.locations.set(place, (lines = new Set()));
  const line = loc.startLine ?? -1;
  if (lines.has(line)) return;
  lines.add(line);
  if (e.asset.locations.length < MAX_LOCATIONS_PER_ASSET) e.asset.locations.push(loc);
  else e.omitted++;
}

function addRelation(e: Entry, rel: Relation): void {
  const key = `${rel.type}\u0000${rel.target}`;
  const seen = (e.relations ??= new Set());
  if (seen.has(key)) return;
  seen.add(key);
  e.asset.relations.push(rel);
}

/** Code-unit order (not locale): the same on every machine. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `a` comes before `b` in a fixed order of values (type first, then value). */
function before(a: unknown, b: unknown): boolean {
  if (a === b) return false;
  return cmp(canonical(a), canonical(b)) < 0;
}

function canonical(v: unknown): string {
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v === 'number' ? 'n' : 'b'}${String(v)}`;
  try {
    return `o${JSON.stringify(v) ?? ''}`;
  } catch {
    return 'o';
  }
}
