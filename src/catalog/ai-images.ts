/**
 * The AI container image catalogue (`data/ai-images.json`): serving runtimes, training images,
 * notebooks, vector stores. Shared by discovery and runtime detection.
 */
import { createRequire } from 'node:module';
import picomatch from 'picomatch';

export type AiImageCategory =
  | 'serving' | 'training' | 'framework' | 'gpu-runtime' | 'distributed' | 'notebook' | 'mlops'
  | 'gateway' | 'ui' | 'agent' | 'vector-store';

export interface AiImageEntry {
  match: string;
  name: string;
  category: AiImageCategory;
}

export interface ImageRef {
  /** `docker.io`, `ghcr.io`, `nvcr.io` … */
  registry: string;
  /** `library/nginx`, `vllm/vllm-openai` */
  repository: string;
  tag?: string;
  digest?: string;
}

const require = createRequire(import.meta.url);
const data = require('../../data/ai-images.json') as { images: AiImageEntry[] };

const compiled = data.images.map((e) => ({ entry: e, test: picomatch(e.match, { nocase: true, dot: true }) }));

/** Parses an image reference the way Docker does (default registry docker.io, default namespace library/). */
export function parseImageRef(ref: string): ImageRef | undefined {
  const s = ref.trim();
  if (!s || /\s/.test(s) || s.includes('${') || s.includes('{{')) return undefined;
  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    registry = parts.shift()!.toLowerCase();
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  const repository = parts.join('/').toLowerCase();
  if (!/^[a-z0-9][a-z0-9._/-]*$/.test(repository)) return undefined;
  return { registry, repository, tag, digest };
}

/** The catalogue entry of an image reference, or undefined when it is not a known AI image. */
export function classifyImage(ref: string | ImageRef): AiImageEntry | undefined {
  const img = typeof ref === 'string' ? parseImageRef(ref) : ref;
  if (!img) return undefined;
  const full = `${img.registry}/${img.repository}`;
  return compiled.find((c) => c.test(full))?.entry;
}

/** purl of an image: `pkg:docker/vllm/vllm-openai@v0.6.3`, with `repository_url` for other registries. */
export function imagePurl(img: ImageRef): string {
  const repo = img.registry === 'docker.io' && img.repository.startsWith('library/') ? img.repository.slice(8) : img.repository;
  const version = img.digest ?? img.tag;
  let purl = `pkg:docker/${repo.split('/').map(encodeURIComponent).join('/')}`;
  if (version) purl += `@${encodeURIComponent(version)}`;
  if (img.registry !== 'docker.io') purl += `?repository_url=${encodeURIComponent(img.registry)}`;
  return purl;
}

/** Every catalogue entry (docs, tests). */
export function aiImageCatalogue(): readonly AiImageEntry[] {
  return data.images;
}
