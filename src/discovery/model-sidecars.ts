/**
 * Files that describe a local model directory: Hugging Face `config.json` / `adapter_config.json`,
 * model-card front matter in README.md, an Ollama `Modelfile`, an MLflow `MLmodel`, a Triton
 * `config.pbtxt`. Each yields a `model-dir:<dir>` asset (merged across the sidecars of one
 * directory) with relations to the base model and training datasets.
 */
import type * as Yaml from 'yaml';
import type { Analyzer, AnalyzerContext, AnalyzerResult, FileInfo } from '../core/analyzer.js';
import type { Asset, Relation } from '../core/model.js';
import { lineOf } from '../core/text.js';
import { asset, at, datasetAsset, hfModelAsset } from './assets.js';
import { hfDatasetId, hfPurl, hfRepoId, providerModelId } from './ids.js';
import { isRecord, JsonDocError, parseJsonDoc, str } from './json-doc.js';
import { MODEL_EXTENSIONS } from '../models/identify.js';

/**
 * The YAML parser, loaded on the first model card with front matter or MLmodel file: a scan of model
 * files whose README has no front matter (most) never loads it (issue 15, start-up). yaml is a
 * CommonJS package for Node: the bundle (scripts/bundle.mjs) gives its exports as the default export
 * only, Node's own import as named exports and the default.
 */
let yamlLib: Promise<typeof Yaml> | undefined;
const loadYaml = (): Promise<typeof Yaml> => (yamlLib ??= import('yaml').then((m) => (m as unknown as { default?: typeof Yaml }).default ?? m));

const NAMES = new Set(['config.json', 'adapter_config.json', 'readme.md', 'modelfile', 'mlmodel', 'config.pbtxt']);
const SKIP_PATH = /(?:^|\/)(?:node_modules|site-packages|\.venv|venv)\//;

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i);
}

function modelDirId(path: string): string {
  return `model-dir:${dirOf(path)}`;
}

export const modelSidecarAnalyzer: Analyzer = {
  name: 'bom-model-sidecars',
  version: 1,
  rules: [],
  match(f: FileInfo) {
    return NAMES.has(f.name) && f.size < 4 * 1024 * 1024 && !SKIP_PATH.test(f.path);
  },
  async analyze(file, ctx): Promise<AnalyzerResult> {
    const text = await file.text();
    if (text === undefined) return {};
    try {
      switch (file.name) {
        case 'config.json':
          return hfConfig(file.path, text);
        case 'adapter_config.json':
          return adapterConfig(file.path, text);
        case 'readme.md':
          return await modelCard(file.path, text, ctx);
        case 'modelfile':
          return ollamaModelfile(file.path, text);
        case 'mlmodel':
          return await mlflowModel(file.path, text);
        case 'config.pbtxt':
          return tritonConfig(file.path, text);
      }
    } catch (err) {
      if (err instanceof JsonDocError || (err instanceof Error && err.name === 'YAMLParseError')) {
        return { notes: [{ level: 'warning', path: file.path, message: `bom-model-sidecars: ${err.message.split('\n')[0]}`, source: 'bom-model-sidecars' }] };
      }
      throw err;
    }
    return {};
  },
};

const HF_CONFIG_HINTS = ['hidden_size', 'num_hidden_layers', 'vocab_size', 'transformers_version', 'torch_dtype', 'n_layer', 'd_model', 'num_attention_heads'];

function hfConfig(path: string, text: string): AnalyzerResult {
  const doc = parseJsonDoc(text);
  const v = doc.value;
  if (!isRecord(v)) return {};
  const architectures = Array.isArray(v.architectures) ? v.architectures.filter((a): a is string => typeof a === 'string') : [];
  const modelType = str(v.model_type);
  if (!architectures.length && !modelType) return {};
  if (!HF_CONFIG_HINTS.some((k) => k in v)) return {};
  const assets: Asset[] = [];
  const relations: Relation[] = [];
  const base = str(v._name_or_path) ? hfRepoId(str(v._name_or_path)!) : undefined;
  const line = doc.lineOf([architectures.length ? 'architectures' : 'model_type']);
  if (base) {
    relations.push({ type: 'depends-on', target: hfPurl(base) });
    assets.push(hfModelAsset(base, at(path, doc.lineOf(['_name_or_path'])), { role: 'base model' }, 0.7));
  }
  assets.push(asset('model', modelDirId(path), base ?? dirOf(path), at(path, line), { format: 'huggingface', architectures, modelType, transformersVersion: str(v.transformers_version), torchDtype: str(v.torch_dtype) }, { confidence: 0.95, relations }));
  return { assets };
}

function adapterConfig(path: string, text: string): AnalyzerResult {
  const doc = parseJsonDoc(text);
  const v = doc.value;
  if (!isRecord(v) || !str(v.peft_type)) return {};
  const baseRaw = str(v.base_model_name_or_path);
  const base = baseRaw ? hfRepoId(baseRaw, { allowBare: true }) : undefined;
  const assets: Asset[] = [];
  const relations: Relation[] = [];
  if (base) {
    relations.push({ type: 'depends-on', target: hfPurl(base) });
    assets.push(hfModelAsset(base, at(path, doc.lineOf(['base_model_name_or_path'])), { role: 'base model' }, 0.9));
  }
  assets.push(asset('model', modelDirId(path), dirOf(path), at(path, doc.lineOf(['peft_type'])), { format: 'peft-adapter', adapterType: str(v.peft_type), taskType: str(v.task_type), baseModel: base ?? baseRaw }, { confidence: 0.95, relations }));
  return { assets };
}

const CARD_KEYS = ['pipeline_tag', 'base_model', 'library_name', 'model-index', 'model_name'];

async function modelCard(path: string, text: string, ctx: AnalyzerContext): Promise<AnalyzerResult> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  if (!m) return {};
  const fm: unknown = (await loadYaml()).parse(m[1], { maxAliasCount: 50 });
  if (!isRecord(fm)) return {};
  const dir = dirOf(path);
  const siblingModel = ctx.exists?.(`${dir === '.' ? '' : `${dir}/`}config.json`) || ctx.exists?.(`${dir === '.' ? '' : `${dir}/`}adapter_config.json`);
  const isCard = CARD_KEYS.some((k) => k in fm) || (siblingModel && ('license' in fm || 'tags' in fm));
  if (!isCard) return {};
  const lineOfKey = (k: string) => {
    const i = m[1].search(new RegExp(`^${k.replace(/[-]/g, '\\-')}\\s*:`, 'm'));
    return i < 0 ? 1 : lineOf(text, m.index + 4 + i);
  };
  const assets: Asset[] = [];
  const relations: Relation[] = [];
  for (const b of toList(fm.base_model)) {
    const id = hfRepoId(b, { allowBare: true });
    if (!id) continue;
    relations.push({ type: 'depends-on', target: hfPurl(id) });
    assets.push(hfModelAsset(id, at(path, lineOfKey('base_model')), { role: 'base model' }, 0.85));
  }
  const datasets: string[] = [];
  for (const d of toList(fm.datasets)) {
    const id = hfDatasetId(d);
    if (!id) continue;
    datasets.push(id);
    relations.push({ type: 'reads', target: `dataset:${id}` });
    assets.push(datasetAsset(id, at(path, lineOfKey('datasets')), { source: 'huggingface', role: 'training data' }, 0.8));
  }
  const licence = str(fm.license) ?? (Array.isArray(fm.license) ? fm.license.filter((x) => typeof x === 'string').join(' OR ') : undefined);
  assets.push(asset('model', `model-dir:${dir}`, str(fm.model_name) ?? dir, at(path, 1), {
    modelCard: true,
    license: licence,
    licenseName: str(fm.license_name),
    pipelineTag: str(fm.pipeline_tag),
    libraryName: str(fm.library_name),
    language: toList(fm.language),
    tags: toList(fm.tags).slice(0, 20),
    datasets,
    baseModel: toList(fm.base_model),
  }, { confidence: 0.9, relations }));
  return { assets };
}

function toList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/** Ollama Modelfile: a line-oriented instruction format (no JS parser exists); only FROM/ADAPTER/PARAMETER/SYSTEM/TEMPLATE/LICENSE matter here. */
function ollamaModelfile(path: string, text: string): AnalyzerResult {
  const lines = text.split(/\r?\n/);
  const assets: Asset[] = [];
  const relations: Relation[] = [];
  const props: Record<string, unknown> = { format: 'ollama-modelfile' };
  let fromLine = 0;
  const params: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(FROM|ADAPTER|PARAMETER|SYSTEM|TEMPLATE|LICENSE|MESSAGE)\s+(.*)$/i.exec(lines[i]);
    if (!m) continue;
    const kw = m[1].toUpperCase();
    const arg = m[2].trim();
    if (kw === 'FROM' && !fromLine) {
      fromLine = i + 1;
      props.from = arg;
      if (/^(?:\.{0,2}\/|[A-Za-z]:\\)|\.gguf$|\.safetensors$|\.bin$/.test(arg) || MODEL_EXTENSIONS.has(arg.slice(arg.lastIndexOf('.')).toLowerCase())) {
        const target = resolveRelative(dirOf(path), arg);
        if (target) relations.push({ type: 'depends-on', target: `model-file:${target}` });
      } else {
        const hf = arg.startsWith('hf.co/') || arg.startsWith('huggingface.co/') ? hfRepoId(arg.replace(/^(?:hf\.co|huggingface\.co)\//, '').split(':')[0]) : undefined;
        const id = hf ? undefined : providerModelId(arg);
        if (hf) {
          relations.push({ type: 'depends-on', target: hfPurl(hf) });
          assets.push(hfModelAsset(hf, at(path, i + 1), { role: 'base model' }, 0.9));
        } else if (id) {
          relations.push({ type: 'depends-on', target: `model:ollama/${id}` });
          assets.push(asset('model', `model:ollama/${id}`, id, at(path, i + 1), { provider: 'ollama', role: 'base model' }, { confidence: 0.9 }));
        }
      }
    } else if (kw === 'PARAMETER') {
      const [k, ...rest] = arg.split(/\s+/);
      if (k) params[k] = rest.join(' ');
    } else if (kw === 'SYSTEM') props.systemPrompt = true;
    else if (kw === 'TEMPLATE') props.template = true;
    else if (kw === 'ADAPTER') props.adapter = arg;
    else if (kw === 'LICENSE') props.license = arg.replace(/^"""|"""$/g, '').trim().split('\n')[0].slice(0, 120);
  }
  if (!fromLine) return {};
  if (Object.keys(params).length) props.parameters = params;
  assets.push(asset('model', modelDirId(path), dirOf(path), at(path, fromLine), props, { confidence: 0.95, relations }));
  return { assets };
}

function resolveRelative(dir: string, rel: string): string | undefined {
  if (rel.startsWith('/') || /^[A-Za-z]:\\/.test(rel)) return undefined;
  const parts = dir === '.' ? [] : dir.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '.' || seg === '') continue;
    if (seg === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

async function mlflowModel(path: string, text: string): Promise<AnalyzerResult> {
  const v: unknown = (await loadYaml()).parse(text, { maxAliasCount: 50 });
  if (!isRecord(v) || !isRecord(v.flavors)) return {};
  const flavors = Object.keys(v.flavors);
  const frameworks = flavors.filter((f) => f !== 'python_function');
  const line = lineOf(text, Math.max(0, text.search(/^flavors\s*:/m)));
  return {
    assets: [asset('model', modelDirId(path), str(v.artifact_path) ?? dirOf(path), at(path, line), {
      format: 'mlflow',
      flavors,
      framework: frameworks[0],
      runId: str(v.run_id),
      modelUuid: str(v.model_uuid),
      mlflowVersion: str(v.mlflow_version),
      signature: isRecord(v.signature),
      created: str(v.utc_time_created),
    }, { confidence: 0.95 })],
  };
}

/**
 * Triton `config.pbtxt` is protobuf text format; there is no maintained JS parser for it without
 * the .proto schema, and only a few top-level scalar fields matter here, so they are read directly.
 */
function tritonConfig(path: string, text: string): AnalyzerResult {
  const clean = text.replace(/#.*$/gm, '');
  const field = (k: string) => new RegExp(`^\\s*${k}\\s*:\\s*"([^"]*)"`, 'm').exec(clean)?.[1];
  const platform = field('platform');
  const backend = field('backend');
  if (!platform && !backend) return {};
  const name = field('name');
  const maxBatch = /^\s*max_batch_size\s*:\s*(\d+)/m.exec(clean)?.[1];
  const line = lineOf(text, Math.max(0, text.search(/^\s*(?:platform|backend)\s*:/m)));
  return {
    assets: [asset('model', modelDirId(path), name ?? dirOf(path), at(path, line), {
      format: 'triton',
      servingRuntime: 'triton',
      platform,
      backend,
      maxBatchSize: maxBatch ? Number(maxBatch) : undefined,
      gpu: /KIND_GPU/.test(clean),
    }, { confidence: 0.95 })],
  };
}
