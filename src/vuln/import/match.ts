/**
 * Which container-image assets of the scan an imported report is about: same repository (and
 * registry) with the same tag or digest, or the same digest alone. Asset references come from the
 * image's properties (discovery stores registry, repository, tag, digest, tags) or its name.
 */
import type { Asset } from '../../core/model.js';
import { imagePurl, parseImageRef, type ImageRef } from '../../catalog/ai-images.js';
import type { ImageIdentity } from './model.js';

export function matchingImages(image: ImageIdentity, assets: readonly Asset[]): Asset[] {
  const refs = image.refs.map((r) => parseImageRef(r)).filter((r): r is ImageRef => r !== undefined);
  const digests = new Set([...image.digests, ...refs.map((r) => r.digest).filter((d): d is string => d !== undefined)]);
  return assets.filter((a) => a.kind === 'container-image' && assetRefs(a).some((ar) => (ar.digest && digests.has(ar.digest)) || refs.some((r) => sameImage(r, ar))));
}

/** The id an image gets when no asset of the scan runs it (see the enricher). */
export function imageIdOf(image: ImageIdentity): string | undefined {
  const ref = image.refs.map((r) => parseImageRef(r)).find((r): r is ImageRef => r !== undefined);
  if (ref) return imagePurl(ref);
  return image.digests[0] ? `image:${image.digests[0]}` : undefined;
}

function sameImage(a: ImageRef, b: ImageRef): boolean {
  if (a.registry !== b.registry || a.repository !== b.repository) return false;
  if (a.digest && b.digest) return a.digest === b.digest;
  // An untagged reference means `latest`, as docker pull reads it.
  return (a.tag ?? 'latest') === (b.tag ?? 'latest');
}

function assetRefs(a: Asset): ImageRef[] {
  const p = a.properties;
  const out: ImageRef[] = [];
  if (typeof p.repository === 'string') {
    out.push({ registry: typeof p.registry === 'string' ? p.registry : 'docker.io', repository: p.repository, tag: typeof p.tag === 'string' ? p.tag : undefined, digest: typeof p.digest === 'string' ? p.digest : undefined });
  }
  const names = [a.name, ...(Array.isArray(p.tags) ? p.tags : [])];
  for (const n of names) {
    const r = typeof n === 'string' ? parseImageRef(n) : undefined;
    if (r) out.push(r);
  }
  return out;
}
