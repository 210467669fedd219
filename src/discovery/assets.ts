/**
 * Builders for discovery assets, so that every analyzer uses the same ids and property names
 * (ids: packages = purl, model files = `model-file:<path>`, model refs = `pkg:huggingface/<org>/<name>`
 * or `model:<provider>/<id>`, datasets = `dataset:<id>`, providers = `llm-provider:<provider>`).
 */
import type { Asset, AssetKind, Location, Relation } from '../core/model.js';
import { hfPurl, npmPurl, pypiPurl } from './ids.js';

export function at(path: string, startLine?: number, endLine?: number): Location {
  const loc: Location = { path };
  if (startLine) loc.startLine = startLine;
  if (endLine && endLine !== startLine) loc.endLine = endLine;
  return loc;
}

export function asset(kind: AssetKind, id: string, name: string, loc: Location, properties: Record<string, unknown> = {}, opts: { version?: string; confidence?: number; relations?: Relation[] } = {}): Asset {
  const a: Asset = { id, kind, name, locations: [loc], properties: dropUndefined(properties), relations: opts.relations ?? [] };
  if (opts.version) a.version = opts.version;
  if (opts.confidence !== undefined) a.confidence = opts.confidence;
  return a;
}

export function hfModelAsset(repoId: string, loc: Location, props: Record<string, unknown> = {}, confidence = 0.8): Asset {
  return asset('model', hfPurl(repoId), repoId, loc, { source: 'huggingface', ...props }, { confidence, version: typeof props.revision === 'string' ? props.revision : undefined });
}

export function providerModelAsset(provider: string, model: string, loc: Location, props: Record<string, unknown> = {}, confidence = 0.8): Asset {
  return asset('model', `model:${provider}/${model}`, model, loc, { provider, hosted: true, ...props }, { confidence, relations: [{ type: 'uses', target: providerId(provider) }] });
}

export function providerId(provider: string): string {
  return `llm-provider:${provider}`;
}

export function providerAsset(provider: string, loc: Location, props: Record<string, unknown> = {}, confidence = 0.8): Asset {
  return asset('llm-provider', providerId(provider), provider, loc, { provider, ...props }, { confidence });
}

export function datasetAsset(id: string, loc: Location, props: Record<string, unknown> = {}, confidence = 0.8): Asset {
  return asset('dataset', `dataset:${id}`, id, loc, props, { confidence });
}

/** A package seen through an import in code (no version known here). */
export function importedPackageAsset(ecosystem: 'pypi' | 'npm', name: string, category: string, loc: Location, importName: string): Asset {
  const id = ecosystem === 'pypi' ? pypiPurl(name) : npmPurl(name);
  return asset('package', id, name, loc, { ecosystem, aiCategory: category, imported: true, importName, direct: true }, { confidence: 0.9 });
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  return out;
}
