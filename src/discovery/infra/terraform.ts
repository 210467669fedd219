/**
 * Terraform: managed AI services (SageMaker, Bedrock, Comprehend, Kendra, Vertex AI, Azure ML,
 * Azure OpenAI …) from `resource` and `data` blocks, parsed with HashiCorp's HCL parser compiled to
 * WASM (@cdktf/hcl2json). Simple `var.x` references resolve to the variable's default when the
 * variable is declared in the same file or in variables.tf / vars.tf / main.tf of the same module.
 */
import type { Analyzer, AnalyzerContext, AnalyzerResult, FileInfo } from '../../core/analyzer.js';
import type { Asset, Relation } from '../../core/model.js';
import { classifyCloudResource, CLOUD_TYPE_HINT, type CloudResourceEntry } from '../../catalog/ai-cloud.js';
import { lineAt, lineStarts } from '../../core/text.js';
import { asset, at } from '../assets.js';
import { providerModelId } from '../ids.js';
import { isRecord } from '../json-doc.js';
import { addImage, emptyFound } from './signals.js';

type Hcl = Record<string, unknown>;

/**
 * The HCL WASM bridge is one Go runtime: calls are serialised. It is loaded on first use only
 * (loading it costs over a second), so targets without Terraform never pay for it.
 */
let queue: Promise<unknown> = Promise.resolve();
let hclModule: Promise<typeof import('@cdktf/hcl2json')> | undefined;
function parseSerial(name: string, text: string): Promise<Hcl> {
  hclModule ??= import('@cdktf/hcl2json');
  const p = queue.then(async () => (await hclModule!).parse(name, text) as Promise<Hcl>);
  queue = p.catch(() => undefined);
  return p;
}

const VAR_FILES = ['variables.tf', 'vars.tf', 'variable.tf', 'main.tf'];
const KEEP_ATTRS = ['name', 'kind', 'sku_name', 'instance_type', 'region', 'location', 'public_network_access_enabled', 'public_network_access', 'custom_subdomain_name', 'direct_internet_access', 'root_access', 'local_auth_enabled', 'agent_name', 'display_name', 'rai_policy_name'];

export const terraformAnalyzer: Analyzer = {
  name: 'bom-terraform',
  version: 1,
  rules: [],
  match(f: FileInfo) {
    return f.ext === '.tf' && f.size < 4 * 1024 * 1024 && !/(?:^|\/)\.terraform\//.test(f.path);
  },
  async analyze(file, ctx): Promise<AnalyzerResult> {
    const text = await file.text();
    if (text === undefined || !/^\s*(?:resource|data)\s+"/m.test(text)) return {};
    if (!CLOUD_TYPE_HINT.test(text)) return {};
    let hcl: Hcl;
    try {
      hcl = await parseSerial(file.path, text);
    } catch (err) {
      return { notes: [{ level: 'warning', path: file.path, message: `bom-terraform: HCL parse error: ${(err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 300)}`, source: 'bom-terraform' }] };
    }
    const vars = await variables(file.path, hcl, ctx);
    const starts = lineStarts(text);
    // Ids are module-scoped addresses: `tf:<dir>/<type>.<name>` (`tf:<type>.<name>` at the root).
    const prefix = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/') + 1) : '';
    const assets: Asset[] = [];
    for (const [block, isData] of [['resource', false], ['data', true]] as const) {
      const byType = hcl[block];
      if (!isRecord(byType)) continue;
      for (const [type, byName] of Object.entries(byType)) {
        const entry = classifyCloudResource(type, isData);
        if (!entry || !isRecord(byName)) continue;
        for (const [name, bodies] of Object.entries(byName)) {
          const body = Array.isArray(bodies) && isRecord(bodies[0]) ? (bodies[0] as Hcl) : {};
          const line = blockLine(text, starts, block, type, name);
          const attrLine = (key: string) => attributeLine(text, starts, line, key);
          assets.push(...resourceAssets(file.path, prefix, type, name, isData, entry, resolve(body, vars) as Hcl, line, attrLine));
        }
      }
    }
    return { assets };
  },
};

function blockLine(text: string, starts: number[], block: string, type: string, name: string): number {
  const re = new RegExp(`^\\s*${block}\\s+"${escape(type)}"\\s+"${escape(name)}"`, 'm');
  const i = text.search(re);
  return i < 0 ? 1 : lineAt(starts, i + (text.slice(i).length - text.slice(i).trimStart().length));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Line of `a.b.key` inside the block that starts at `blockLine`: nested blocks `a {` / `b {` are
 * followed in order, then the first `key =`; the block ends at the next top-level block.
 */
function attributeLine(text: string, _starts: number[], blockLine: number, dotted: string): number {
  const lines = text.split('\n');
  const segs = dotted.split('.');
  let from = blockLine;
  for (let s = 0; s < segs.length; s++) {
    const last = s === segs.length - 1;
    const re = new RegExp(`^\\s*${escape(segs[s])}\\s*${last ? '=' : '(?:=\\s*)?\\{'}`);
    let hit = -1;
    for (let i = from; i < lines.length; i++) {
      if (/^(?:resource|data|module|variable|output|locals|provider|terraform)\b/.test(lines[i])) break;
      if (re.test(lines[i])) {
        hit = i;
        break;
      }
    }
    if (hit < 0) return blockLine;
    from = hit + 1;
  }
  return from;
}

function resourceAssets(path: string, prefix: string, type: string, name: string, isData: boolean, entry: CloudResourceEntry, body: Hcl, line: number, attrLine: (key: string) => number): Asset[] {
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
    if (typeof uri !== 'string' || uri.includes('${')) continue;
    found.assets.push(asset('model', `model-uri:${uri}`, uri, at(path, attrLine('model_data_url')), { storageUri: uri }, { confidence: 0.85 }));
    found.relations.push({ type: 'serves', target: `model-uri:${uri}` });
  }
  // References to other AI resources of the module.
  for (const ref of references(body)) {
    if (ref.type === type && ref.name === name) continue;
    if (classifyCloudResource(ref.type, ref.data)) relations.push({ type: 'depends-on', target: `tf:${prefix}${ref.data ? 'data.' : ''}${ref.type}.${ref.name}` });
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

function references(body: unknown): { type: string; name: string; data: boolean }[] {
  const out: { type: string; name: string; data: boolean }[] = [];
  const s = JSON.stringify(body);
  for (const m of s.matchAll(/\$\{[^}]*?\b(data\.)?((?:aws|awscc|google|azurerm)_[a-z0-9_]+)\.([A-Za-z_][\w-]*)\./g)) out.push({ data: !!m[1], type: m[2], name: m[3] });
  return out;
}

async function variables(path: string, hcl: Hcl, ctx: AnalyzerContext): Promise<Map<string, unknown>> {
  const vars = new Map<string, unknown>();
  const take = (h: Hcl) => {
    if (!isRecord(h.variable)) return;
    for (const [k, bodies] of Object.entries(h.variable)) {
      const b = Array.isArray(bodies) ? bodies[0] : undefined;
      if (isRecord(b) && 'default' in b && !vars.has(k)) vars.set(k, b.default);
    }
  };
  take(hcl);
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  for (const name of VAR_FILES) {
    const sib = `${dir}${name}`;
    if (sib === path || !ctx.exists?.(sib)) continue;
    const f = ctx.open(sib);
    const t = f ? await f.text() : undefined;
    if (!t || !t.includes('variable')) continue;
    try {
      take(await parseSerial(sib, t));
    } catch {
      // a broken sibling gets its own note when it is analysed
    }
  }
  return vars;
}

/** Replaces whole-string `${var.x}` with the variable default and `${var.x}` inside strings with its string value. */
function resolve(v: unknown, vars: Map<string, unknown>, depth = 0): unknown {
  if (depth > 16) return v;
  if (typeof v === 'string') {
    const whole = /^\$\{var\.([A-Za-z_][\w-]*)\}$/.exec(v);
    if (whole && vars.has(whole[1])) return vars.get(whole[1]);
    return v.replace(/\$\{var\.([A-Za-z_][\w-]*)\}/g, (m, k: string) => {
      const d = vars.get(k);
      return typeof d === 'string' || typeof d === 'number' ? String(d) : m;
    });
  }
  if (Array.isArray(v)) return v.map((x) => resolve(x, vars, depth + 1));
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x, vars, depth + 1)]));
  return v;
}
