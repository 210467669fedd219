/**
 * Where an asset was seen, and the order assets are listed in. An asset is "seen only in tests"
 * (or examples, or docs) when EVERY place it was seen is such a place: one production sighting makes
 * it a real asset, whatever order files were read in (issue 13.1: the flag used to stick from the
 * first sighting). Real assets come first in every output, then those seen only in tests, examples
 * or docs; within each group the order is fixed (kind, name, id), so reports do not depend on the
 * order in which files finished.
 */
import type { Asset } from '../core/model.js';

export type SeenIn = 'tests' | 'examples' | 'docs';

const CONTEXTS: [SeenIn, RegExp][] = [
  ['tests', /(?:^|\/)(?:tests?|__tests__|__mocks__|spec|specs|testing|testdata|test-data|fixtures?|e2e|integration[-_]tests?)\/|(?:^|\/)(?:test_[^/]*\.py|[^/]*_test\.(?:py|go)|conftest\.py|\.env\.test(?:ing)?|\.env\.ci)$|\.(?:test|spec)\.[cm]?[jt]sx?$/i],
  ['examples', /(?:^|\/)(?:examples?|samples?|demos?|cookbooks?|tutorials?|quickstarts?)\//i],
  // Directories only: a README.md beside a model is its model card, a real sighting.
  ['docs', /(?:^|\/)(?:docs?|documentation|site-docs)\//i],
];

/** The kind of place a path is, or undefined for production code and configuration. */
export function pathContext(path: string): SeenIn | undefined {
  for (const [ctx, re] of CONTEXTS) if (re.test(path)) return ctx;
  return undefined;
}

/** `tests`, `examples`, `docs` (joined with `, ` when several) when no location is production; else undefined. */
export function seenOnlyIn(asset: Asset): string | undefined {
  const paths = asset.locations.map((l) => l.path).filter((p): p is string => p !== undefined);
  if (paths.length === 0) return undefined;
  const found = new Set<SeenIn>();
  for (const p of paths) {
    const c = pathContext(p);
    if (!c) return undefined;
    found.add(c);
  }
  return CONTEXTS.map(([c]) => c).filter((c) => found.has(c)).join(', ');
}

const KIND_ORDER = ['application', 'ai-service', 'ai-server', 'llm-provider', 'model', 'dataset', 'agent', 'mcp-server', 'vector-store', 'gpu-workload', 'workload', 'container-image', 'cloud-resource', 'secret', 'package'];

/** Annotates `seenOnlyIn` and orders the inventory (pure: returns new asset objects where annotated). */
export function orderAssets(assets: Asset[]): Asset[] {
  const annotated = assets.map((a) => {
    const only = seenOnlyIn(a);
    const { inTest: _drop, ...rest } = a.properties;
    return only ? { ...a, properties: { ...rest, seenOnlyIn: only } } : a.properties.inTest === undefined ? a : { ...a, properties: rest };
  });
  const rank = (k: string) => {
    const i = KIND_ORDER.indexOf(k);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return annotated.sort(
    (a, b) =>
      Number(a.properties.seenOnlyIn !== undefined) - Number(b.properties.seenOnlyIn !== undefined) ||
      rank(a.kind) - rank(b.kind) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
