/**
 * One `secret` asset per credential rule and file, so that every secret finding names an asset and
 * the attack-path graph can follow a leaked key to the account it opens (src/paths/edges/secret-provider.ts).
 * The asset carries the rule, the provider and where it was seen; never the value.
 */
import type { Asset, Finding } from '../core/model.js';

export function secretAssetId(path: string, ruleId: string): string {
  return `secret:${path}#${ruleId.replace(/^secret\//, '')}`;
}

/** The assets of a file's secret findings (one per rule), with the findings' assetId set. */
export function secretAssets(findings: Finding[], titleOf: (ruleId: string) => string, llmjacking: (ruleId: string) => boolean): Asset[] {
  const byId = new Map<string, Asset>();
  for (const f of findings) {
    const path = f.location.path ?? '';
    const id = secretAssetId(path, f.ruleId);
    f.assetId = id;
    let a = byId.get(id);
    if (!a) {
      a = {
        id,
        kind: 'secret',
        name: titleOf(f.ruleId),
        locations: [],
        properties: { ruleId: f.ruleId, provider: f.properties?.provider, llmjacking: llmjacking(f.ruleId) || undefined },
        relations: [],
        confidence: f.confidence === 'low' ? 0.5 : 0.9,
      };
      for (const k of Object.keys(a.properties)) if (a.properties[k] === undefined) delete a.properties[k];
      byId.set(id, a);
    }
    if (a.locations.length < 20) a.locations.push({ path, ...(f.location.startLine ? { startLine: f.location.startLine } : {}) });
  }
  return [...byId.values()];
}
