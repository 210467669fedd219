/**
 * Whole-inventory steps: fold code imports into the manifest entries of the same package, and add
 * the scanned application as an asset that depends on its direct packages and uses the models,
 * providers, vector stores and MCP servers its code references (the edges later attack-path
 * analysis walks).
 */
import type { Enricher } from '../core/analyzer.js';
import type { Asset } from '../core/model.js';
import { pep503 } from './ids.js';

export const APPLICATION_ID = 'application:target';

const CODE_EXT = /\.(?:py|pyw|ipynb|js|mjs|cjs|jsx|ts|mts|cts|tsx)$/;

function pkgKey(a: Asset): string | undefined {
  const eco = a.properties.ecosystem;
  if (a.kind !== 'package' || typeof eco !== 'string') return undefined;
  return `${eco}:${eco === 'pypi' ? pep503(a.name) : a.name}`;
}

/** Imports of a package that a manifest or lockfile also lists are merged into that entry. Pure. */
export function foldImports(assets: Asset[]): Asset[] {
  const declared = new Map<string, Asset[]>();
  for (const a of assets) {
    const k = pkgKey(a);
    if (k && !a.properties.imported) declared.set(k, [...(declared.get(k) ?? []), a]);
  }
  const out: Asset[] = [];
  const copies = new Map<Asset, Asset>();
  const copy = (a: Asset) => {
    let c = copies.get(a);
    if (!c) {
      c = { ...a, locations: [...a.locations], properties: { ...a.properties }, relations: [...a.relations] };
      copies.set(a, c);
    }
    return c;
  };
  const replaced = new Map<string, string>();
  for (const a of assets) {
    const k = pkgKey(a);
    const targets = k && a.properties.imported ? declared.get(k) : undefined;
    if (!targets?.length) continue;
    for (const t of targets) {
      const c = copy(t);
      c.properties.imported = true;
      c.properties.aiCategory ??= a.properties.aiCategory;
      for (const l of a.locations) c.locations.push(l);
    }
    replaced.set(a.id, targets[0].id);
  }
  for (const a of assets) {
    if (replaced.has(a.id) && a.properties.imported && a.kind === 'package') continue;
    const c = copies.get(a) ?? a;
    if (c.relations.some((r) => replaced.has(r.target))) {
      const cc = copy(a);
      cc.relations = cc.relations.map((r) => (replaced.has(r.target) ? { ...r, target: replaced.get(r.target)! } : r));
      out.push(cc);
    } else out.push(c);
  }
  return out;
}

/** The application asset (the scanned target) with its direct dependencies and code-level uses. */
export function applicationAsset(assets: Asset[]): Asset | undefined {
  const rel: Asset['relations'] = [];
  for (const a of assets) {
    if (a.kind === 'package' && a.properties.direct !== false && (a.properties.direct === true || a.properties.imported)) rel.push({ type: 'depends-on', target: a.id });
    else if (['model', 'llm-provider', 'vector-store', 'dataset', 'mcp-server'].includes(a.kind) && a.locations.some((l) => l.path && CODE_EXT.test(l.path))) {
      rel.push({ type: a.kind === 'dataset' ? 'reads' : 'uses', target: a.id });
    }
  }
  if (!rel.length) return undefined;
  return { id: APPLICATION_ID, kind: 'application', name: 'application', locations: [], properties: { root: true }, relations: rel };
}

export const bomGraphEnricher: Enricher = {
  name: 'bom-graph',
  rules: [],
  enrich({ assets }) {
    const app = applicationAsset(foldImports(assets));
    return { assets: app ? [app] : [] };
  },
};
