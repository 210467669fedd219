/** Package entries → `package` assets (id = purl), merged by id within one file. */
import type { Asset } from '../core/model.js';
import { classifyPackage } from '../catalog/ai-packages.js';
import { packageUrl } from './normalize.js';
import type { PackageEntry } from './types.js';
import { MAX_LOCATIONS_PER_ASSET, type Requirement } from '../pipeline/merge-assets.js';

/**
 * Linear: locations are deduplicated through a set per asset (a generated requirements file may pin
 * the same package 300,000 times), and at most MAX_LOCATIONS_PER_ASSET are kept, the rest counted in
 * `locationsOmitted` (which the pipeline's merge adds up).
 */
export function entriesToAssets(entries: PackageEntry[]): Asset[] {
  const byId = new Map<string, Asset>();
  const seen = new Map<string, Map<string, Set<number>>>();
  // A purl costs a URL encode per segment; lockfiles repeat the same name/version many times.
  const ids = new Map<string, string>();
  for (const e of entries) {
    const triple = `${e.ecosystem}\u0000${e.name}\u0000${e.version ?? ''}`;
    let id = ids.get(triple);
    if (id === undefined) ids.set(triple, (id = packageUrl(e.ecosystem, e.name, e.version)));
    const location = { path: e.path, startLine: e.line };
    const existing = byId.get(id);
    if (existing) {
      const byPath = seen.get(id)!;
      let lines = byPath.get(e.path);
      if (!lines) byPath.set(e.path, (lines = new Set()));
      if (!lines.has(e.line)) {
        lines.add(e.line);
        if (existing.locations.length < MAX_LOCATIONS_PER_ASSET) existing.locations.push(location);
        else existing.properties.locationsOmitted = ((existing.properties.locationsOmitted as number | undefined) ?? 0) + 1;
      }
      existing.properties.direct = existing.properties.direct === true || e.direct;
      // The same package on two lines of one file with different ranges or scopes (platform markers,
      // an extra): each line keeps its own, as across files (the pipeline's merge reads this list).
      if (e.specifier !== existing.properties.specifier || e.scope !== existing.properties.scope) {
        const reqs = (existing.properties.requirements ??= []) as Requirement[];
        if (reqs.length < MAX_LOCATIONS_PER_ASSET) reqs.push({ path: e.path, line: e.line, specifier: e.specifier, ...(e.scope ? { scope: e.scope } : {}) });
      }
      continue;
    }
    seen.set(id, new Map([[e.path, new Set([e.line])]]));
    const ai = classifyPackage(e.ecosystem, e.name);
    byId.set(id, {
      id,
      kind: 'package',
      name: e.name,
      ...(e.version ? { version: e.version } : {}),
      locations: [location],
      properties: {
        ecosystem: e.ecosystem,
        specifier: e.specifier,
        pinned: e.pinned,
        direct: e.direct,
        source: e.source,
        ...(e.scope ? { scope: e.scope } : {}),
        ...(ai ? { aiCategory: ai.category } : {}),
      },
      relations: [],
      confidence: 1,
    });
  }
  return [...byId.values()];
}
