/**
 * Finds the image inside an archive: which blob is the config and which blobs are the layers, in
 * order. Three layouts exist in the wild:
 *  - `docker save` (Docker ≥ 1.10): `manifest.json` = [{ Config, RepoTags, Layers }] with paths;
 *  - the older `docker save` layout: `repositories` + `<id>/json` (with a `parent` chain) + `<id>/layer.tar`;
 *  - OCI image layout: `oci-layout` + `index.json` → manifest (or nested index) → config + layers
 *    by digest under `blobs/<alg>/<hex>` (Docker ≥ 25 writes both this and `manifest.json`).
 */
import type { Note } from '../../core/model.js';
import { climbsAboveRoot, normalizeEntryPath } from './merge.js';
import type { BlobLocation } from './source.js';

export interface ImagePlan {
  format: 'docker-archive' | 'docker-legacy' | 'oci';
  tags: string[];
  /** Parsed image config (Env, Cmd, Entrypoint, Labels, history …), when found. */
  config?: Record<string, unknown>;
  layers: PlannedLayer[];
  notes: Note[];
}

export interface PlannedLayer {
  blob: string;
  digest: string;
  /** Set for an OCI artifact layer that is a plain file, not a tar (a GGUF model, a license …): its path in the view. */
  artifactPath?: string;
}

/**
 * Layer media types that are NOT filesystem tars are artifact files (Docker Model Runner's
 * `application/vnd.docker.ai.gguf.v3`, ORAS pushes …): they become one file each. Anything that
 * says tar (OCI/Docker layers, KitOps and Helm tarballs) or has no media type is a tar layer.
 */
export function isTarLayer(mediaType: unknown): boolean {
  return typeof mediaType !== 'string' || /(?:^|[.+/])tar(?:$|[.+])|rootfs\.diff/.test(mediaType);
}

/** File extension for an artifact without a title, so that analyzers matching on names see it. */
const ARTIFACT_EXT: [RegExp, string][] = [
  [/gguf/, '.gguf'],
  [/safetensors/, '.safetensors'],
  [/onnx/, '.onnx'],
  [/pickle|pytorch|\.pt\b/, '.pt'],
  [/json/, '.json'],
  [/yaml/, '.yaml'],
  [/license|text|markdown/, '.txt'],
];

function artifactPath(desc: Record<string, unknown>): string {
  const title = annotations(desc)['org.opencontainers.image.title'];
  // ORAS refuses to pull a title that climbs out of the output directory: such a title is not used.
  const fromTitle = typeof title === 'string' && !climbsAboveRoot(title) ? normalizeEntryPath(title) : undefined;
  if (fromTitle) return fromTitle;
  const media = typeof desc.mediaType === 'string' ? desc.mediaType : '';
  const ext = ARTIFACT_EXT.find(([re]) => re.test(media))?.[1] ?? '';
  return `.aigis/artifacts/${String(desc.digest).replace(/^[a-z0-9]+:/, '').slice(0, 16)}${ext}`;
}

export type JsonReader = (blob: string) => Promise<unknown>;

const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);

export class ImageFormatError extends Error {}

export async function resolveImage(blobs: Map<string, BlobLocation>, readJson: JsonReader): Promise<ImagePlan> {
  if (blobs.has('manifest.json')) return dockerArchive(blobs, readJson);
  if (blobs.has('index.json')) return ociLayout(blobs, readJson);
  if (blobs.has('repositories')) return dockerLegacy(blobs, readJson);
  throw new ImageFormatError('no manifest.json, index.json or repositories: not an image archive');
}

async function dockerArchive(blobs: Map<string, BlobLocation>, readJson: JsonReader): Promise<ImagePlan> {
  const manifest = await readJson('manifest.json');
  if (!Array.isArray(manifest) || manifest.length === 0 || !isObject(manifest[0])) throw new ImageFormatError('manifest.json is not a non-empty array');
  const notes: Note[] = [];
  const first = manifest[0];
  const tags = strings(first.RepoTags);
  if (manifest.length > 1) {
    notes.push({ level: 'warning', message: `the archive holds ${manifest.length} images; only the first (${tags.join(', ') || 'untagged'}) is scanned`, source: 'target' });
  }
  // Paths in manifest.json are archive-relative; normalise them like the archive's own entry names.
  const norm = (p: string) => normalizeEntryPath(p) ?? p;
  const config = typeof first.Config === 'string' ? await optionalJson(norm(first.Config), blobs, readJson, notes) : undefined;
  const paths = strings(first.Layers).map(norm);
  return { format: 'docker-archive', tags, config, layers: withDigests(paths, config), notes };
}

async function ociLayout(blobs: Map<string, BlobLocation>, readJson: JsonReader): Promise<ImagePlan> {
  const notes: Note[] = [];
  let doc = await readJson('index.json');
  const tags: string[] = [];
  // An index may point to per-platform manifests or to another index (Docker's OCI export does).
  for (let depth = 0; depth < 4; depth++) {
    if (!isObject(doc)) throw new ImageFormatError('index or manifest is not a JSON object');
    const list = Array.isArray(doc.manifests) ? doc.manifests.filter(isObject) : undefined;
    if (!list && !INDEX_TYPES.has(String(doc.mediaType))) break;
    if (!list) throw new ImageFormatError('image index without manifests');
    if (list.length === 0) throw new ImageFormatError('index.json lists no manifests');
    const chosen = pickManifest(list);
    if (list.length > 1) notes.push({ level: 'info', message: `index lists ${list.length} manifests; scanning ${describe(chosen)}`, source: 'target' });
    const ref = annotations(chosen)['org.opencontainers.image.ref.name'];
    if (typeof ref === 'string') tags.push(ref);
    doc = await readJson(blobPath(chosen.digest));
  }
  if (!isObject(doc) || !Array.isArray(doc.layers)) throw new ImageFormatError('OCI manifest without layers');
  const cfgDesc = isObject(doc.config) ? doc.config : undefined;
  const config = cfgDesc ? await optionalJson(blobPath(cfgDesc.digest), blobs, readJson, notes) : undefined;
  const descs = doc.layers.filter(isObject);
  const diffIds = diffIdsOf(config);
  const layers = descs.map((d, i): PlannedLayer => {
    const layer: PlannedLayer = { blob: blobPath(d.digest), digest: diffIds?.[i] ?? String(d.digest) };
    if (!isTarLayer(d.mediaType)) layer.artifactPath = artifactPath(d);
    return layer;
  });
  return { format: 'oci', tags, config, layers, notes };
}

async function dockerLegacy(blobs: Map<string, BlobLocation>, readJson: JsonReader): Promise<ImagePlan> {
  const repos = await readJson('repositories');
  if (!isObject(repos)) throw new ImageFormatError('repositories is not a JSON object');
  const tags: string[] = [];
  let top: string | undefined;
  for (const [repo, byTag] of Object.entries(repos)) {
    if (!isObject(byTag)) continue;
    for (const [tag, id] of Object.entries(byTag)) {
      tags.push(`${repo}:${tag}`);
      if (typeof id === 'string') top ??= id;
    }
  }
  if (!top) throw new ImageFormatError('repositories names no image');
  const chain: string[] = [];
  const notes: Note[] = [];
  let config: Record<string, unknown> | undefined;
  // Walk the parent chain from the top layer down; each `<id>/json` names its parent.
  for (let id: string | undefined = top; id && chain.length < 1000; ) {
    if (!/^[0-9a-f]{64}$/.test(id) || chain.includes(id)) throw new ImageFormatError(`bad or looping layer id in the parent chain: ${id}`);
    chain.push(id);
    const json = await optionalJson(`${id}/json`, blobs, readJson, notes);
    config ??= json;
    id = typeof json?.parent === 'string' ? json.parent : undefined;
  }
  const layers = chain.reverse().map((id) => ({ blob: `${id}/layer.tar`, digest: `sha256:${id}` }));
  return { format: 'docker-legacy', tags, config, layers, notes };
}

function withDigests(paths: string[], config: Record<string, unknown> | undefined): PlannedLayer[] {
  const diffIds = diffIdsOf(config);
  return paths.map((p, i) => ({ blob: p, digest: diffIds?.[i] ?? digestFromPath(p) }));
}

function diffIdsOf(config: Record<string, unknown> | undefined): string[] | undefined {
  const rootfs = config && isObject(config.rootfs) ? config.rootfs : undefined;
  const ids = rootfs ? strings(rootfs.diff_ids) : [];
  return ids.length ? ids : undefined;
}

function digestFromPath(p: string): string {
  const m = /([0-9a-f]{64})/.exec(p);
  return m ? `sha256:${m[1]}` : p;
}

/** `sha256:abc…` → `blobs/sha256/abc…`; anything else cannot name a blob. */
export function blobPath(digest: unknown): string {
  const m = typeof digest === 'string' ? /^([a-z0-9]+):([a-f0-9]{32,128})$/.exec(digest) : null;
  if (!m) throw new ImageFormatError(`invalid digest ${JSON.stringify(digest)}`);
  return `blobs/${m[1]}/${m[2]}`;
}

/** Prefer linux/amd64, then any real platform, never an attestation (`unknown/unknown`). */
function pickManifest(list: Record<string, unknown>[]): Record<string, unknown> {
  const platform = (m: Record<string, unknown>) => (isObject(m.platform) ? `${String(m.platform.os)}/${String(m.platform.architecture)}` : '');
  return list.find((m) => platform(m) === 'linux/amd64') ?? list.find((m) => platform(m) !== 'unknown/unknown') ?? list[0];
}

function describe(m: Record<string, unknown>): string {
  const p = isObject(m.platform) ? `${String(m.platform.os)}/${String(m.platform.architecture)} ` : '';
  return `${p}${String(m.digest)}`;
}

function annotations(m: Record<string, unknown>): Record<string, unknown> {
  return isObject(m.annotations) ? m.annotations : {};
}

async function optionalJson(blob: string, blobs: Map<string, BlobLocation>, readJson: JsonReader, notes: Note[]): Promise<Record<string, unknown> | undefined> {
  if (!blobs.has(blob)) {
    notes.push({ level: 'warning', path: blob, message: 'image config blob missing from the archive', source: 'target' });
    return undefined;
  }
  try {
    const v = await readJson(blob);
    if (isObject(v)) return v;
    notes.push({ level: 'warning', path: blob, message: 'image config is not a JSON object', source: 'target' });
  } catch (err) {
    notes.push({ level: 'warning', path: blob, message: `cannot read image config: ${err instanceof Error ? err.message : String(err)}`, source: 'target' });
  }
  return undefined;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
