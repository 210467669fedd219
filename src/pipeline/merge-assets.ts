import type { Asset, Location, Relation } from '../core/model.js';

/**
 * Locations kept per asset. A package pinned in 300,000 lines of a generated requirements file is
 * still one asset; the report lists its first sightings and counts the rest in the
 * `locationsOmitted` property (distinct locations not listed).
 */
export const MAX_LOCATIONS_PER_ASSET = 100;

interface Entry {
  asset: Asset;
  /** Lines seen per place (path, or path + member + url): numbers hash without building a string per location. */
  locations: Map<string, Set<number>>;
  relations: Set<string>;
  omitted: number;
  /** Package requirements as each declaration wrote them (`path:line` → specifier). */
  requirements: Map<string, { path?: string; line?: number; specifier: string }>;
}

/**
 * Merges assets with the same id (the same package seen in a manifest and a lockfile, the same
 * model referenced twice): locations and relations are united, properties of later sightings
 * fill gaps without overwriting earlier ones. Linear in the number of assets and locations: ids,
 * locations and relations are looked up in hash sets, never by scanning the lists.
 */
export function mergeAssets(assets: readonly Asset[]): Asset[] {
  const byId = new Map<string, Entry>();
  for (const a of assets) {
    let e = byId.get(a.id);
    if (!e) {
      const { locationsOmitted, ...properties } = a.properties;
      e = {
        asset: { ...a, locations: [], relations: [], properties },
        locations: new Map(),
        relations: new Set(),
        omitted: typeof locationsOmitted === 'number' ? locationsOmitted : 0,
        requirements: new Map(),
      };
      byId.set(a.id, e);
    } else {
      const prev = e.asset;
      for (const [k, v] of Object.entries(a.properties)) {
        if (k === 'locationsOmitted') e.omitted += typeof v === 'number' ? v : 0;
        else if (prev.properties[k] === undefined) prev.properties[k] = v;
      }
      prev.version ??= a.version;
      if (a.confidence !== undefined) prev.confidence = Math.max(prev.confidence ?? 0, a.confidence);
    }
    for (const loc of a.locations) addLocation(e, loc);
    for (const rel of a.relations) addRelation(e, rel);
    if (a.kind === 'package') addRequirements(e, a);
  }
  const out: Asset[] = [];
  for (const e of byId.values()) {
    if (e.omitted > 0) e.asset.properties.locationsOmitted = e.omitted;
    // Requirements are per declaration (issue 13.1): when files ask for different ranges, each keeps
    // its own, so `pyproject.toml`'s `>=5.5.3` is never reported with another file's `>=4.53.0`.
    const reqs = [...e.requirements.values()];
    if (new Set(reqs.map((r) => r.specifier)).size > 1) e.asset.properties.requirements = reqs;
    out.push(e.asset);
  }
  return out;
}

function addRequirements(e: Entry, a: Asset): void {
  const spec = a.properties.specifier;
  if (typeof spec !== 'string') return;
  for (const loc of a.locations) {
    const key = `${loc.path ?? ''}:${loc.startLine ?? ''}`;
    if (!e.requirements.has(key) && e.requirements.size < MAX_LOCATIONS_PER_ASSET) e.requirements.set(key, { path: loc.path, line: loc.startLine, specifier: spec });
  }
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
  if (e.relations.has(key)) return;
  e.relations.add(key);
  e.asset.relations.push(rel);
}
