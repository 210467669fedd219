/** Package entries → `package` assets (id = purl), merged by id within one file. */
import type { Asset } from '../core/model.js';
import { classifyPackage } from '../catalog/ai-packages.js';
import { packageUrl } from './normalize.js';
import type { PackageEntry } from './types.js';

export function entriesToAssets(entries: PackageEntry[]): Asset[] {
  const byId = new Map<string, Asset>();
  for (const e of entries) {
    const id = packageUrl(e.ecosystem, e.name, e.version);
    const location = { path: e.path, startLine: e.line };
    const existing = byId.get(id);
    if (existing) {
      if (!existing.locations.some((l) => l.path === e.path && l.startLine === e.line)) existing.locations.push(location);
      existing.properties.direct = existing.properties.direct === true || e.direct;
      continue;
    }
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
