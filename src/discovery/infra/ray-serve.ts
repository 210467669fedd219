/**
 * Ray Serve LLM configs (issue 13.3): `llm_configs` entries whose `model_loading_config` names the
 * served model (`model_id`, the name clients ask for) and where it is loaded from (`model_source`: a
 * Hugging Face id, or an s3://, gs:// or local path). Found in serve config files (`serve run
 * config.yaml`) and in the `serveConfigV2` string of a KubeRay RayService (read by the Kubernetes
 * analyzer through `llmConfigModels`).
 */
import type { Analyzer, AnalyzerResult, FileInfo } from '../../core/analyzer.js';
import type { Asset, Note } from '../../core/model.js';
import { looksLikeManifest } from '../../documents/kubernetes/parse.js';
import { yamlDocsParser, type YamlPath } from '../../documents/yaml.js';
import { asset, at, hfModelAsset } from '../assets.js';
import { hfRepoId } from '../ids.js';
import { isRecord } from '../json-doc.js';
import { isPlaceholderUri } from '../placeholders.js';

const MAX_NODES = 20000;

export interface LlmConfigModel {
  /** The model asset (Hugging Face id or storage URI). */
  asset: Asset;
  /** The name the deployment serves it under (`model_id`). */
  servedAs?: string;
}

/** Every `llm_configs[*].model_loading_config` under `root`; `lineOf` maps a path below root to a line. */
export function llmConfigModels(root: unknown, path: string, lineOf: (p: YamlPath) => number): LlmConfigModel[] {
  const out: LlmConfigModel[] = [];
  let nodes = 0;
  const visit = (v: unknown, p: YamlPath, depth: number): void => {
    if (++nodes > MAX_NODES || depth > 24) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, [...p, i], depth + 1));
      return;
    }
    if (!isRecord(v)) return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'llm_configs' && Array.isArray(x)) {
        x.forEach((cfg, i) => {
          const m = isRecord(cfg) && isRecord(cfg.model_loading_config) ? cfg.model_loading_config : undefined;
          if (!m) return;
          const base = [...p, k, i, 'model_loading_config'];
          const one = configModel(m, path, (key) => lineOf([...base, key]), isRecord(cfg) ? cfg.accelerator_type : undefined);
          if (one) out.push(one);
        });
      } else {
        visit(x, [...p, k], depth + 1);
      }
    }
  };
  visit(root, [], 0);
  return out;
}

function configModel(m: Record<string, unknown>, path: string, lineOf: (key: string) => number, accelerator: unknown): LlmConfigModel | undefined {
  const id = typeof m.model_id === 'string' ? m.model_id : undefined;
  const source = typeof m.model_source === 'string' ? m.model_source : isRecord(m.model_source) && typeof m.model_source.bucket_uri === 'string' ? m.model_source.bucket_uri : undefined;
  const props = { via: 'ray serve llm_configs', servedAs: id, acceleratorType: typeof accelerator === 'string' ? accelerator : undefined };
  // Without a source, Ray loads `model_id` from the Hugging Face Hub.
  const hf = hfRepoId(source ?? id ?? '');
  if (hf) return { asset: hfModelAsset(hf, at(path, lineOf(source ? 'model_source' : 'model_id')), props, 0.85), servedAs: id };
  if (source && /^(?:s3|gs|abfss?|azureblob|hdfs):\/\//.test(source) && !isPlaceholderUri(source)) {
    return { asset: asset('model', `model-uri:${source}`, source, at(path, lineOf('model_source')), { storageUri: source, ...props }, { confidence: 0.8 }), servedAs: id };
  }
  return undefined;
}

/** Serve config files (`serve_config.yaml`, `llm_config.yaml`): each application with LLM configs is an AI server. */
export const rayServeAnalyzer: Analyzer = {
  name: 'bom-ray-serve',
  version: 1,
  rules: [],
  wants: { extensions: ['.yaml', '.yml'] },
  match: (f: FileInfo) => (f.ext === '.yaml' || f.ext === '.yml') && f.size < 4 * 1024 * 1024,
  async analyze(file): Promise<AnalyzerResult> {
    const text = await file.text();
    // KubeRay manifests are the Kubernetes analyzer's (it reads their serveConfigV2).
    if (text === undefined || !text.includes('llm_configs') || looksLikeManifest(text)) return {};
    const parsed = await file.parsed(yamlDocsParser);
    const notes: Note[] = parsed.errors.map((e) => ({ level: 'warning' as const, path: file.path, message: `bom-ray-serve: ${e}`, source: 'bom-ray-serve' }));
    const assets: Asset[] = [];
    for (const doc of parsed.docs) {
      const models = llmConfigModels(doc.value, file.path, (p) => doc.lineOf(p));
      if (!models.length) continue;
      const apps = isRecord(doc.value) && Array.isArray(doc.value.applications) ? doc.value.applications : [];
      const name = apps.map((a) => (isRecord(a) && typeof a.name === 'string' ? a.name : undefined)).find(Boolean) ?? file.path;
      assets.push(asset('ai-server', `ray-serve:${file.path}`, `Ray Serve ${name}`, at(file.path, doc.startLine), {
        platform: 'ray-serve', product: 'Ray Serve LLM', servedModels: models.map((m) => m.servedAs).filter(Boolean),
      }, { confidence: 0.85, relations: models.map((m) => ({ type: 'serves' as const, target: m.asset.id })) }));
      assets.push(...models.map((m) => m.asset));
    }
    return { assets, notes };
  },
};
