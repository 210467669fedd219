/**
 * Inventory queries over a report's assets ("which services use Bedrock", "where are pickles
 * loaded"): filters by kind, text, property and relation, all case-insensitive substring matches, and
 * each hit carries the assets that point at it (`usedBy`), so both directions of a relation answer.
 */
import type { Asset, AssetKind } from '../core/model.js';

export interface InventoryQuery {
  kind?: AssetKind;
  /** Substring of the id, name or version. */
  text?: string;
  /** A property key that must be present (e.g. `format`, `provider`). */
  property?: string;
  /** Substring of that property's value (or of any property value when no key is given). */
  value?: string;
  /** Relation type the asset must have (`uses`, `loads`, `serves` …). */
  relation?: string;
  /** Substring of the id of an asset it relates to (`bedrock`, `pickle`). */
  relatedTo?: string;
}

const has = (hay: unknown, needle: string): boolean => (typeof hay === 'string' ? hay : JSON.stringify(hay ?? '')).toLowerCase().includes(needle.toLowerCase());

export function queryInventory(assets: readonly Asset[], q: InventoryQuery): Array<Asset & { usedBy: Array<{ type: string; source: string }> }> {
  const incoming = new Map<string, Array<{ type: string; source: string }>>();
  for (const a of assets) for (const r of a.relations) incoming.set(r.target, [...(incoming.get(r.target) ?? []), { type: r.type, source: a.id }]);
  return assets
    .filter((a) => {
      if (q.kind && a.kind !== q.kind) return false;
      if (q.text && !has(a.id, q.text) && !has(a.name, q.text) && !has(a.version ?? '', q.text)) return false;
      if (q.property !== undefined) {
        const key = Object.keys(a.properties).find((k) => k.toLowerCase() === q.property!.toLowerCase());
        if (key === undefined) return false;
        if (q.value && !has(a.properties[key], q.value)) return false;
      } else if (q.value && !Object.values(a.properties).some((v) => has(v, q.value!))) return false;
      if (q.relation || q.relatedTo) {
        const rel = a.relations.filter((r) => (!q.relation || r.type === q.relation) && (!q.relatedTo || has(r.target, q.relatedTo)));
        if (!rel.length) return false;
      }
      return true;
    })
    .map((a) => ({ ...a, usedBy: incoming.get(a.id) ?? [] }));
}
