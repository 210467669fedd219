/**
 * Shared reading of a container definition (Kubernetes container, compose service, Dockerfile):
 * AI images, accelerators, model ids from arguments and environment, provider credentials.
 */
import type { Asset, Location, Relation } from '../../core/model.js';
import { classifyImage, imagePurl, parseImageRef } from '../../catalog/ai-images.js';
import { classifyEndpoint, providerOfEnvKey } from '../../catalog/ai-endpoints.js';
import { asset, hfModelAsset, providerAsset, providerId } from '../assets.js';
import { hfPurl, hfRepoId, providerModelId } from '../ids.js';

/** Extended resources that are accelerators (GPUs, TPUs, AI accelerators). */
const ACCELERATOR = /^(?:nvidia\.com\/(?:gpu|mig-[\w.-]+)|amd\.com\/gpu|gpu\.intel\.com\/[\w.-]+|habana\.ai\/gaudi|aws\.amazon\.com\/neuron(?:core|device)?|google\.com\/tpu|cloud-tpus\.google\.com\/[\w.-]+|qualcomm\.com\/qaic)$/;

export function isAccelerator(resource: string): boolean {
  return ACCELERATOR.test(resource);
}

/** Flags whose value is a model id in serving runtimes (vLLM, TGI, SGLang, llama.cpp, Triton TRT-LLM …). */
const MODEL_FLAGS = new Set(['--model', '--model-id', '--model_id', '--model-name', '--model_name', '--model-path', '--model_path', '--hf-model', '--base-model', '-m']);
/** Environment variables that name the model a container serves. */
const MODEL_ENV = new Set(['MODEL_ID', 'HF_MODEL_ID', 'MODEL_NAME', 'MODEL', 'LLM_MODEL', 'MODEL_REPO', 'HF_MODEL', 'BASE_MODEL', 'SERVED_MODEL', 'VLLM_MODEL', 'HF_MODEL_NAME', 'EMBEDDING_MODEL', 'RERANKER_MODEL']);

export interface Found {
  assets: Asset[];
  relations: Relation[];
  /** Why the owner counts as AI (empty = not AI). */
  reasons: string[];
}

export function emptyFound(): Found {
  return { assets: [], relations: [], reasons: [] };
}

export function addImage(found: Found, ref: string, loc: Location): void {
  const img = parseImageRef(ref);
  if (!img) return;
  const entry = classifyImage(img);
  if (!entry) return;
  const id = imagePurl(img);
  found.assets.push(asset('container-image', id, `${img.registry === 'docker.io' ? '' : `${img.registry}/`}${img.repository.replace(/^library\//, '')}${img.tag ? `:${img.tag}` : ''}`, loc, {
    registry: img.registry, repository: img.repository, tag: img.tag, digest: img.digest, aiImage: entry.name, category: entry.category,
  }, { confidence: 0.95, version: img.digest ?? img.tag }));
  found.relations.push({ type: 'runs', target: id });
  found.reasons.push(`image ${entry.name}`);
  if (entry.category === 'vector-store') {
    // Same id as a vector store found in code (`vector-store:chroma`), so the two sightings merge.
    const store = entry.name.toLowerCase().split(/\s/)[0];
    found.assets.push(asset('vector-store', `vector-store:${store}`, store, loc, { store, image: ref }, { confidence: 0.9 }));
    found.relations.push({ type: 'runs', target: `vector-store:${store}` });
  }
}

/** Shell-ish split of command/args lists: elements that are whole shell scripts are split on whitespace. */
export function tokens(list: unknown[]): string[] {
  const out: string[] = [];
  for (const x of list) {
    if (typeof x !== 'string' && typeof x !== 'number') continue;
    for (const t of String(x).split(/\s+/)) if (t) out.push(t.replace(/^["']|["']$/g, ''));
  }
  return out;
}

/** Model ids in a command line: `--model org/name`, `--model=org/name`, `vllm serve org/name`, `huggingface-cli download org/name`. */
export function modelsFromArgs(toks: string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const eq = t.indexOf('=');
    let value: string | undefined;
    if (eq > 0 && MODEL_FLAGS.has(t.slice(0, eq))) value = t.slice(eq + 1);
    else if (MODEL_FLAGS.has(t) && i + 1 < toks.length) value = toks[i + 1];
    else if ((t === 'serve' || t === 'download') && i > 0 && /(?:^|\/)(?:vllm|sglang|huggingface-cli|hf)$/.test(toks[i - 1]) && i + 1 < toks.length && !toks[i + 1].startsWith('-')) value = toks[i + 1];
    const id = value ? hfRepoId(value) : undefined;
    if (id && !found.includes(id)) found.push(id);
  }
  return found;
}

/**
 * Ollama models a command line pulls or runs (`ollama pull llama3.2`, `ollama serve & sleep 5 && ollama
 * run qwen2.5:7b`), as written in compose `command:`/`entrypoint:` strings and container args.
 */
export function ollamaModelsFromArgs(toks: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 < toks.length; i++) {
    if (!/(?:^|\/)ollama$/.test(toks[i]) || (toks[i + 1] !== 'pull' && toks[i + 1] !== 'run')) continue;
    const raw = toks[i + 2].replace(/[;&|)]+$/, '');
    const id = raw && !raw.includes('$') && !raw.startsWith('-') ? providerModelId(raw) : undefined;
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

export function addOllamaModels(found: Found, ids: string[], loc: Location, via: string): void {
  for (const id of ids) {
    found.assets.push(asset('model', `model:ollama/${id}`, id, loc, { provider: 'ollama', via: `${via}: ollama pull` }, { confidence: 0.9, relations: [{ type: 'uses', target: providerId('ollama') }] }));
    found.relations.push({ type: 'serves', target: `model:ollama/${id}` });
    found.reasons.push(`pulls ${id}`);
  }
}

export function addModels(found: Found, ids: string[], loc: Location, via: string): void {
  for (const id of ids) {
    found.assets.push(hfModelAsset(id, loc, { via }, 0.85));
    found.relations.push({ type: 'serves', target: hfPurl(id) });
    found.reasons.push(`serves ${id}`);
  }
}

/** One environment variable: a model id, a provider credential/endpoint. Values of secrets are never read or stored. */
export function addEnv(found: Found, name: string, value: string | undefined, loc: Location): void {
  if (MODEL_ENV.has(name.toUpperCase()) && value) {
    const id = hfRepoId(value);
    if (id) addModels(found, [id], loc, `env ${name}`);
  }
  const provider = providerOfEnvKey(name) ?? (value ? classifyEndpoint(value)?.provider : undefined);
  if (provider) {
    found.assets.push(providerAsset(provider, loc, { via: `env ${name}` }, 0.75));
    found.relations.push({ type: 'uses', target: providerId(provider) });
    found.reasons.push(`uses ${provider}`);
  }
}

export function addGpu(found: Found, resource: string, count: number | string | undefined): Record<string, number | string> {
  found.reasons.push(`accelerator ${resource}`);
  return { [resource]: count ?? 1 };
}

