import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/scan.js';
import { GET_LIMIT } from '../../src/targets/image/image-target.js';
import { openTarget } from '../../src/targets/open-target.js';
import { options, readingAnalyzer } from './helpers.js';
import { dockerSave, tarOf } from './image-builder.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'aigis-img-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const file = () => path.join(tmp, `img${n++}.tar`);

describe('image target on unusual layers', () => {
  it('a layer that is not a tar at all gives a note; the other layers are scanned', async () => {
    const f = file();
    await dockerSave(f, [await tarOf([{ name: 'ok.txt', content: 'ok' }]), Buffer.from('this is not a tar archive, just text '.repeat(40))]);
    const reader = readingAnalyzer();
    const res = await runPipeline(await openTarget(f, options()), { analyzers: [reader] });
    expect(reader.seen.get('ok.txt')).toBe('ok');
    expect(res.notes.some((x) => /layer 2 .* truncated or corrupt/.test(x.message))).toBe(true);
  });

  it('a layer missing from the archive gives a note', async () => {
    const f = file();
    const layer = await tarOf([{ name: 'a', content: 'a' }]);
    await dockerSave(f, [layer]);
    // Re-write the manifest to name a layer that is not there.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(f, await tarOf([{ name: 'manifest.json', content: JSON.stringify([{ Config: 'c.json', Layers: ['nope/layer.tar'] }]) }]));
    const t = await openTarget(f, options());
    const infos = await t.index();
    expect(infos).toEqual([]);
    expect(t.notes.map((x) => x.message)).toEqual(expect.arrayContaining([expect.stringMatching(/missing from the archive; its files are not scanned/), 'image config blob missing from the archive']));
  });

  it('layer blobs linked inside the archive (docker save dedupe) are read; links never reach the host', async () => {
    const f = file();
    const layer = await tarOf([{ name: 'x.txt', content: 'x' }]);
    const layer2 = await tarOf([{ name: 'y.txt', content: 'y' }]);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      f,
      await tarOf([
        { name: 'aaa/layer.tar', content: layer },
        { name: 'bbb/layer.tar', type: 'symlink', linkname: '../aaa/layer.tar' },
        { name: 'ddd/layer.tar', content: layer2 },
        { name: 'ccc/layer.tar', type: 'link', linkname: 'ddd/layer.tar' },
        { name: 'host/layer.tar', type: 'symlink', linkname: '/etc/passwd' },
        { name: 'loop/layer.tar', type: 'symlink', linkname: 'layer.tar' },
        { name: 'manifest.json', content: JSON.stringify([{ Config: 'c.json', Layers: ['bbb/layer.tar', 'ccc/layer.tar', 'host/layer.tar', 'loop/layer.tar'] }]) },
      ]),
    );
    const t = await openTarget(f, options());
    const infos = await t.index();
    expect(infos.map((i) => i.path).sort()).toEqual(['x.txt', 'y.txt']);
    const missing = t.notes.filter((x) => /missing from the archive; its files are not scanned/.test(x.message)).map((x) => x.path);
    expect(missing).toEqual(['host/layer.tar', 'loop/layer.tar']);
  });

  it('get() serves small unread members on demand and nothing above the 1 MiB limit', async () => {
    const f = file();
    const big = Buffer.alloc(GET_LIMIT + 1, 0x61);
    await dockerSave(f, [gzipSync(await tarOf([{ name: 'cfg/config.json', content: '{"a":1}' }, { name: 'big.bin', content: big }]))]);
    const t = await openTarget(f, options());
    await t.index();
    expect(await t.get('cfg/config.json')!.text()).toBe('{"a":1}');
    expect(t.get('big.bin')).toBeUndefined();
    expect(t.get('does/not/exist')).toBeUndefined();
  });

  it('a member over the read budget keeps its head and hash, and whole reads give the budget note', async () => {
    const f = file();
    const content = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40_000, 1)]);
    await dockerSave(f, [await tarOf([{ name: 'model.zip', content }])]);
    const t = await openTarget(f, options({ readBudget: 10_000 }));
    const infos = await t.index();
    let seen = 0;
    for await (const sf of t.open(infos.filter((i) => i.path === 'model.zip'))) {
      seen++;
      expect((await sf.head(4)).toString('latin1')).toBe('PK\x03\x04');
      expect(await sf.sha256()).toBe((await import('node:crypto')).createHash('sha256').update(content).digest('hex'));
      await expect(sf.bytes()).rejects.toThrow(/over the read budget of 10000 bytes/);
      expect(await sf.text()).toBeUndefined();
    }
    expect(seen).toBe(1);
  });

  it('a hard link keeps its bytes after a later layer deletes the original', async () => {
    const f = file();
    await dockerSave(f, [
      await tarOf([{ name: 'bin/tool', content: 'tool' }, { name: 'bin/alias', type: 'link', linkname: 'bin/tool' }]),
      await tarOf([{ name: 'bin/.wh.tool', content: '' }]),
    ]);
    const reader = readingAnalyzer();
    await runPipeline(await openTarget(f, options()), { analyzers: [reader] });
    expect([...reader.seen.entries()].filter(([p]) => p.startsWith('bin/'))).toEqual([['bin/alias', 'tool']]);
  });
});

describe('OCI artifacts whose layers are plain files (models pushed as OCI artifacts)', () => {
  async function ociLayout(layers: { data: Buffer; mediaType: string; title?: string }[]): Promise<string> {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { createHash } = await import('node:crypto');
    const dir = path.join(tmp, `oci${n++}`);
    mkdirSync(path.join(dir, 'blobs/sha256'), { recursive: true });
    const put = (data: Buffer) => {
      const hex = createHash('sha256').update(data).digest('hex');
      writeFileSync(path.join(dir, 'blobs/sha256', hex), data);
      return { digest: `sha256:${hex}`, size: data.length };
    };
    const config = put(Buffer.from('{"config":{}}'));
    const manifest = put(
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          config: { mediaType: 'application/vnd.docker.ai.model.config.v0.1+json', ...config },
          layers: layers.map((l) => ({ mediaType: l.mediaType, ...put(l.data), ...(l.title ? { annotations: { 'org.opencontainers.image.title': l.title } } : {}) })),
        }),
      ),
    );
    writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest }] }));
    return dir;
  }

  it('maps each artifact layer to one file, named by its title or by digest and media type', async () => {
    const gguf = Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(60, 7)]);
    const dir = await ociLayout([
      { data: gzipSync(await tarOf([{ name: 'app/serve.py', content: 'print(1)' }])), mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' },
      { data: gguf, mediaType: 'application/vnd.docker.ai.gguf.v3' },
      { data: Buffer.from('# Model card\n'), mediaType: 'text/markdown', title: 'README.md' },
      { data: Buffer.from('escape attempt'), mediaType: 'text/plain', title: '../../etc/cron.d/x' },
    ]);
    const t = await openTarget(dir, options());
    expect(t.type).toBe('image');
    const reader = readingAnalyzer();
    const res = await runPipeline(t, { analyzers: [reader] });
    const paths = [...reader.seen.keys()].filter((p) => p !== '.aigis/image-config.json').sort();
    expect(paths).toHaveLength(4);
    expect(paths).toContain('app/serve.py');
    expect(paths).toContain('README.md');
    const ggufPath = paths.find((p) => p.endsWith('.gguf'))!;
    expect(ggufPath).toMatch(/^\.aigis\/artifacts\/[0-9a-f]{16}\.gguf$/);
    expect(reader.seen.get('README.md')).toBe('# Model card\n');
    expect(paths.some((p) => p.includes('etc/cron.d'))).toBe(false);
    expect((await t.get(ggufPath)!.head(4)).toString()).toBe('GGUF');
    expect(res.notes.filter((x) => x.level !== 'info')).toEqual([]);
  });

  it('an artifact over the read budget keeps its head and hash', async () => {
    const big = Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(50_000, 1)]);
    const dir = await ociLayout([{ data: big, mediaType: 'application/vnd.docker.ai.gguf.v3', title: 'model.gguf' }]);
    const t = await openTarget(dir, options({ readBudget: 1000 }));
    const infos = await t.index();
    let seen = 0;
    for await (const f of t.open(infos.filter((i) => i.path === 'model.gguf'))) {
      seen++;
      expect((await f.head(4)).toString()).toBe('GGUF');
      expect(await f.sha256()).toBe((await import('node:crypto')).createHash('sha256').update(big).digest('hex'));
      await expect(f.bytes()).rejects.toThrow(/over the read budget/);
    }
    expect(seen).toBe(1);
  });
});
