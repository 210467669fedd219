/**
 * Terraform: managed AI services (SageMaker, Bedrock, Comprehend, Kendra, Vertex AI, Azure ML,
 * Azure OpenAI …) from `resource` and `data` blocks. Reads the shared Terraform document (one
 * memoised tree-sitter parse per file, shared with the posture checks) in the whole-target stage, so
 * that `var.x` / `local.y` resolve across the files of a module (defaults, locals, *.tfvars) and
 * every asset and model sits at the exact line of its block or attribute.
 */
import type { Analyzer, AnalyzerResult, CollectedDocument } from '../../core/analyzer.js';
import type { Asset, Relation } from '../../core/model.js';
import { isPlaceholderUri } from '../placeholders.js';
import { classifyCloudResource, type CloudResourceEntry } from '../../catalog/ai-cloud.js';
import { terraformKind, type TfBlock, type TfDocument, type TfModule, type TfResource } from '../../documents/terraform/index.js';
import { kindParser } from '../../posture/analyzer.js';
import { kindReads } from '../../posture/rule.js';
import { asset, at } from '../assets.js';
import { providerModelId } from '../ids.js';
import { isRecord } from '../json-doc.js';
import { addImage, emptyFound } from './signals.js';

type Hcl = Record<string, unknown>;

const KEEP_ATTRS = ['name', 'kind', 'sku_name', 'instance_type', 'region', 'location', 'public_network_access_enabled', 'public_network_access', 'custom_subdomain_name', 'direct_internet_access', 'root_access', 'local_auth_enabled', 'agent_name', 'display_name', 'rai_policy_name'];
const parser = kindParser(terraformKind);

export const terraformAnalyzer: Analyzer = {
  name: 'bom-terraform',
  version: 2,
  rules: [],
  match: (f) => kindReads(terraformKind, f),
  async analyze(file): Promise<AnalyzerResult> {
    await terraformKind.ready?.();
    // Parse notes are reported once, by the posture analyzer that reads the same memoised parse.
    const parsed = await file.parsed(parser);
    return { document: parsed.document };
  },
  finish(collected: CollectedDocument[]): AnalyzerResult {
    const docs = collected.map((c) => ({ path: c.file.path, document: c.document as TfDocument }));
    return { assets: terraformKind.project(docs).flatMap(moduleAssets) };
  },
};

/** Assets of one module: every catalogued resource and data source. */
export function moduleAssets(mod: TfModule): Asset[] {
  const out: Asset[] = [];
  const prefix = mod.dir ? `${mod.dir}/` : '';
  for (const r of mod.resources) {
    const isData = r.mode === 'data';
    const entry = classifyCloudResource(r.type, isData);
    if (!entry) continue;
    const body = blockValue(mod, r.block, 0);
    const attrLine = (dotted: string) => attributeLine(r.block, dotted.split('.'));
    out.push(...resourceAssets(mod, r, prefix, entry, body, attrLine));
  }
  return out;
}

/** The block as hcl2json shaped it (attributes evaluated, nested blocks as lists), for the catalogue paths. */
function blockValue(mod: TfModule, block: TfBlock, depth: number): Hcl {
  const o: Hcl = {};
  for (const [k, a] of Object.entries(block.attributes)) o[k] = mod.value(a);
  if (depth < 16) {
    for (const b of block.blocks) {
      const name = b.type === 'dynamic' ? b.labels[0] : b.type;
      if (!name) continue;
      const inner = b.type === 'dynamic' ? b.blocks.filter((c) => c.type === 'content') : [b];
      const list = (o[name] as Hcl[] | undefined) ?? [];
      for (const c of inner) list.push(blockValue(mod, c, depth + 1));
      o[name] = list;
    }
  }
  return o;
}

/** Line of the attribute at `path` (nested block names, then the attribute); the block line when absent. */
function attributeLine(block: TfBlock, path: string[]): number {
  let cur = block;
  for (const seg of path.slice(0, -1)) {
    const next = cur.blocks.find((b) => b.type === seg || (b.type === 'dynamic' && b.labels[0] === seg));
    if (!next) return cur.line;
    cur = next.type === 'dynamic' ? next.blocks.find((c) => c.type === 'content') ?? next : next;
  }
  return findLine(cur, path[path.length - 1], 0) ?? cur.line;
}

/** First line of attribute `key` in the block or, depth-first in source order, in its nested blocks. */
function findLine(block: TfBlock, key: string, depth: number): number | undefined {
  const own = block.attributes[key]?.line;
  if (own !== undefined || depth > 16) return own;
  for (const b of block.blocks) {
    const l = findLine(b, key, depth + 1);
    if (l !== undefined) return l;
  }
  return undefined;
}

function resourceAssets(mod: TfModule, r: TfResource, prefix: string, entry: CloudResourceEntry, body: Hcl, attrLine: (key: string) => number): Asset[] {
  const { path, type, name } = r;
  const isData = r.mode === 'data';
  const line = r.block.line;
  const out: Asset[] = [];
  const relations: Relation[] = [];
  const loc = at(path, line);
  const service = type === 'azurerm_cognitive_account' && body.kind === 'OpenAI' ? 'Azure OpenAI' : entry.service;
  const props: Record<string, unknown> = { cloud: entry.cloud, service, resourceType: type, address: `${isData ? 'data.' : ''}${type}.${name}` };
  for (const k of KEEP_ATTRS) {
    const v = findAttr(body, k);
    if (v !== undefined && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && !String(v).includes('${')) props[k === 'name' ? 'resourceName' : k] = v;
  }
  for (const m of entry.models ?? []) {
    const raw = getPath(body, m.path.split('.'));
    if (typeof raw !== 'string' || raw.includes('${')) continue;
    const modelId = providerModelId(raw.replace(/^arn:aws[\w-]*:bedrock:[\w-]*::foundation-model\//, ''));
    if (!modelId) continue;
    const version = getPath(body, ['model', 'version']);
    const id = `model:${m.provider}/${modelId}`;
    out.push(asset('model', id, modelId, at(path, attrLine(m.path)), { provider: m.provider, hosted: true, via: `${type}.${m.path}`, modelVersion: typeof version === 'string' ? version : undefined }, { confidence: 0.9 }));
    relations.push({ type: isData ? 'uses' : type.includes('deployment') ? 'serves' : 'uses', target: id });
  }
  // SageMaker containers and model artifacts.
  const found = emptyFound();
  for (const img of collect(body, 'image')) if (typeof img === 'string' && !img.includes('${')) addImage(found, img, at(path, attrLine('image')));
  for (const uri of collect(body, 'model_data_url')) {
    if (typeof uri !== 'string' || uri.includes('${') || isPlaceholderUri(uri)) continue;
    found.assets.push(asset('model', `model-uri:${uri}`, uri, at(path, attrLine('model_data_url')), { storageUri: uri }, { confidence: 0.85 }));
    found.relations.push({ type: 'serves', target: `model-uri:${uri}` });
  }
  // References to other AI resources of the module.
  for (const address of mod.blockReferences(r.block)) {
    const data = address.startsWith('data.');
    const [refType, refName] = (data ? address.slice(5) : address).split('.');
    if (refType === type && refName === name && data === isData) continue;
    if (classifyCloudResource(refType, data)) relations.push({ type: 'depends-on', target: `tf:${prefix}${address}` });
  }
  const instanceType = props.instance_type;
  if (typeof instanceType === 'string' && /^ml\.(?:g|p|inf|trn)\d/.test(instanceType)) props.accelerator = instanceType;
  out.unshift(asset('ai-service', `tf:${prefix}${isData ? 'data.' : ''}${type}.${name}`, `${type}.${name}`, loc, props, { confidence: 0.95, relations: dedupe([...relations, ...found.relations]) }));
  out.push(...found.assets);
  return out;
}

function dedupe(list: Relation[]): Relation[] {
  const seen = new Set<string>();
  return list.filter((r) => !seen.has(`${r.type}|${r.target}`) && (seen.add(`${r.type}|${r.target}`), true));
}

function getPath(v: unknown, path: string[]): unknown {
  let cur = v;
  for (const seg of path) {
    if (Array.isArray(cur)) cur = cur[0];
    if (!isRecord(cur)) return undefined;
    cur = cur[seg];
  }
  return Array.isArray(cur) && cur.length === 1 && typeof cur[0] !== 'object' ? cur[0] : cur;
}

function findAttr(body: Hcl, key: string): unknown {
  return body[key];
}

function collect(v: unknown, key: string, depth = 0, out: unknown[] = []): unknown[] {
  if (depth > 12) return out;
  if (Array.isArray(v)) for (const x of v) collect(x, key, depth + 1, out);
  else if (isRecord(v)) for (const [k, x] of Object.entries(v)) {
    if (k === key) out.push(x);
    else collect(x, key, depth + 1, out);
  }
  return out;
}

