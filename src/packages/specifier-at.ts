import type { Asset, Location } from '../core/model.js';

/** The per-declaration entry (`requirements`) written at `loc`, if the merged package keeps one. */
function requirementAt(asset: Asset, loc: Location): { specifier?: unknown; scope?: unknown } | undefined {
  const reqs = asset.properties.requirements;
  if (!Array.isArray(reqs)) return undefined;
  return reqs.find((r: { path?: string; line?: number }) => r.path === loc.path && r.line === loc.startLine) as { specifier?: unknown; scope?: unknown } | undefined;
}

/** The specifier the declaration at `loc` wrote (per-declaration `requirements`), else the asset's. */
export function specifierAt(asset: Asset, loc: Location): unknown {
  const hit = requirementAt(asset, loc);
  return hit ? hit.specifier : asset.properties.specifier;
}

/** The scope (`dev`, `extra:…` …) of the declaration at `loc`, else the asset's. */
export function scopeAt(asset: Asset, loc: Location): unknown {
  const hit = requirementAt(asset, loc);
  return hit ? hit.scope : asset.properties.scope;
}
