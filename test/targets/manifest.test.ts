import { describe, expect, it } from 'vitest';
import { blobPath, isTarLayer, resolveImage } from '../../src/targets/image/manifest.js';
import type { BlobLocation } from '../../src/targets/image/source.js';

const hex = (c: string) => c.repeat(64);
/** An archive as a map of JSON documents (layer blobs are present but never parsed here). */
function archive(docs: Record<string, unknown>, layers: string[] = []) {
  const blobs = new Map<string, BlobLocation>();
  for (const name of [...Object.keys(docs), ...layers]) blobs.set(name, { file: '/dev/null', start: 0, size: 1 });
  return { blobs, read: async (name: string) => docs[name] };
}

describe('resolveImage', () => {
  it('docker save: normalises ./ paths, takes diff_ids as layer digests, notes extra images', async () => {
    const { blobs, read } = archive(
      {
        'manifest.json': [
          { Config: './cfg.json', RepoTags: ['a:1'], Layers: ['./l1/layer.tar', 'l2/layer.tar'] },
          { Config: 'other.json', RepoTags: ['b:1'], Layers: [] },
        ],
        'cfg.json': { config: { Env: ['A=1'] }, rootfs: { diff_ids: [`sha256:${hex('1')}`, `sha256:${hex('2')}`] } },
      },
      ['l1/layer.tar', 'l2/layer.tar'],
    );
    const plan = await resolveImage(blobs, read);
    expect(plan.format).toBe('docker-archive');
    expect(plan.tags).toEqual(['a:1']);
    expect(plan.layers).toEqual([
      { blob: 'l1/layer.tar', digest: `sha256:${hex('1')}` },
      { blob: 'l2/layer.tar', digest: `sha256:${hex('2')}` },
    ]);
    expect(plan.config).toBeDefined();
    expect(plan.notes[0].message).toMatch(/holds 2 images; only the first \(a:1\)/);
  });

  it('docker save without its config: layers still resolve, with a note', async () => {
    const { blobs, read } = archive({ 'manifest.json': [{ Config: 'gone.json', Layers: [`${hex('a')}/layer.tar`] }] });
    const plan = await resolveImage(blobs, read);
    expect(plan.layers[0].digest).toBe(`sha256:${hex('a')}`);
    expect(plan.notes.map((n) => n.message)).toContain('image config blob missing from the archive');
  });

  it('OCI: skips attestation manifests and prefers linux/amd64', async () => {
    const m = (c: string) => `sha256:${hex(c)}`;
    const { blobs, read } = archive({
      'oci-layout': {},
      'index.json': {
        manifests: [
          { digest: m('a'), platform: { os: 'unknown', architecture: 'unknown' } },
          { digest: m('b'), platform: { os: 'linux', architecture: 'arm64' } },
        ],
      },
      [blobPath(m('b'))]: { config: { digest: m('c') }, layers: [{ digest: m('d') }] },
      [blobPath(m('c'))]: { architecture: 'arm64' },
    });
    const plan = await resolveImage(blobs, read);
    expect(plan.format).toBe('oci');
    expect(plan.layers).toEqual([{ blob: `blobs/sha256/${hex('d')}`, digest: m('d') }]);
    expect(plan.config).toEqual({ architecture: 'arm64' });
  });

  it('tells filesystem tar layers from artifact files by media type', () => {
    for (const t of [
      undefined,
      'application/vnd.oci.image.layer.v1.tar',
      'application/vnd.oci.image.layer.v1.tar+gzip',
      'application/vnd.oci.image.layer.v1.tar+zstd',
      'application/vnd.docker.image.rootfs.diff.tar.gzip',
      'application/vnd.kitops.modelkit.model.v1.tar+gzip',
      'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
    ]) {
      expect(isTarLayer(t)).toBe(true);
    }
    for (const t of ['application/vnd.docker.ai.gguf.v3', 'application/vnd.docker.ai.license', 'text/markdown', 'application/vnd.example.starfish']) {
      expect(isTarLayer(t)).toBe(false);
    }
  });

  it('rejects digests that could name paths outside blobs/', () => {
    expect(() => blobPath('sha256:../../etc/passwd')).toThrow(/invalid digest/);
    expect(() => blobPath(42)).toThrow(/invalid digest/);
  });

  it('legacy docker save: follows the parent chain bottom-up and stops on a loop', async () => {
    const [a, b] = [hex('a'), hex('b')];
    const ok = archive({ repositories: { img: { latest: b } }, [`${a}/json`]: { id: a }, [`${b}/json`]: { id: b, parent: a, config: { Env: ['X=1'] } } });
    const plan = await resolveImage(ok.blobs, ok.read);
    expect(plan.layers.map((l) => l.blob)).toEqual([`${a}/layer.tar`, `${b}/layer.tar`]);
    expect(plan.tags).toEqual(['img:latest']);
    const loop = archive({ repositories: { img: { latest: a } }, [`${a}/json`]: { id: a, parent: b }, [`${b}/json`]: { id: b, parent: a } });
    await expect(resolveImage(loop.blobs, loop.read)).rejects.toThrow(/looping/);
  });

  it('an archive with no known metadata is not an image', async () => {
    const { blobs, read } = archive({ 'random.json': {} });
    await expect(resolveImage(blobs, read)).rejects.toThrow(/not an image archive/);
  });
});
