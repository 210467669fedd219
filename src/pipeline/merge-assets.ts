import type { Asset, Location } from '../core/model.js';

/**
 * Merges assets with the same id (the same package seen in a manifest and a lockfile, the same
 * model referenced twice): locations and relations are united, properties of later sightings
 * fill gaps without overwriting earlier ones.
 */
export function mergeAssets(assets: Asset[]): Asset[] {
  const byId = new Map<string, Asset>();
  for (const a of assets) {
    const prev = byId.get(a.id);
    if (!prev) {
      byId.set(a.id, { ...a, locations: [...a.locations], relations: [...a.relations], properties: { ...a.properties } });
      continue;
    }
    for (const loc of a.locations) if (!prev.locations.some((l) => sameLocation(l, loc))) prev.locations.push(loc);
    for (const rel of a.relations) if (!prev.relations.some((r) => r.type === rel.type && r.target === rel.target)) prev.relations.push(rel);
    for (const [k, v] of Object.entries(a.properties)) if (prev.properties[k] === undefined) prev.properties[k] = v;
    prev.version ??= a.version;
    if (a.confidence !== undefined) prev.confidence = Math.max(prev.confidence ?? 0, a.confidence);
  }
  return [...byId.values()];
}

function sameLocation(a: Location, b: Location): boolean {
  return a.path === b.path && a.startLine === b.startLine && a.member === b.member && a.url === b.url;
}
