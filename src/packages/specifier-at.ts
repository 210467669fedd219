import type { Asset, Location } from '../core/model.js';

/** The specifier the declaration at `loc` wrote (per-declaration `requirements`), else the asset's. */
export function specifierAt(asset: Asset, loc: Location): unknown {
  const reqs = asset.properties.requirements;
  if (Array.isArray(reqs)) {
    const hit = reqs.find((r: { path?: string; line?: number }) => r.path === loc.path && r.line === loc.startLine) as { specifier?: string } | undefined;
    if (hit) return hit.specifier;
  }
  return asset.properties.specifier;
}
