import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTarget } from '../../src/targets/open-target.js';
import { IMAGE_CONFIG_PATH } from '../../src/targets/image/image-config.js';
import { runPipeline } from '../../src/pipeline/scan.js';
import { options, readAll, readingAnalyzer } from './helpers.js';

const fixtures = path.resolve(__dirname, '../fixtures/images');
const fx = (name: string) => path.join(fixtures, name);

const IMAGES = ['docker-save.tar', 'docker-save.tar.gz', 'docker-legacy.tar', 'oci-layout', 'oci-archive.tar'];

describe.each(IMAGES)('image target: %s', (name) => {
  it('is detected by content and typed image', async () => {
    const t = await openTarget(fx(name), options());
    expect(t.type).toBe('image');
  });

  it('applies layers in order with whiteouts and an opaque directory', async () => {
    const t = await openTarget(fx(name), options());
    const files = await readAll(t);
    const paths = [...files.keys()].sort();
    expect(paths).toEqual(
      [IMAGE_CONFIG_PATH, 'app/main.py', 'app/model.bin', 'bin/tool', 'bin/tool-hard', 'data/invalid-utf8.txt', 'etc/passwd', 'opt/cache/new.txt'].sort(),
    );
    // upper layer wins, the deleted secret and the opaque-hidden files are gone
    expect(files.get('app/main.py')!.toString()).toBe("print('v2')\n");
    expect(paths).not.toContain('app/secret.env');
    expect(paths).not.toContain('opt/cache/old1.txt');
    // the hard link has the bytes of its target
    expect(files.get('bin/tool-hard')!.equals(files.get('bin/tool')!)).toBe(true);
    // /etc/passwd is the image's own, never the host's
    expect(files.get('etc/passwd')!.toString()).toBe('root:x:0:0:image root:/root:/bin/sh\n');
  });

  it('records symlinks without following them, and notes the one that escapes the root', async () => {
    const t = await openTarget(fx(name), options());
    const infos = await t.index();
    expect(infos.map((i) => i.path)).not.toContain('app/link-passwd');
    expect(infos.map((i) => i.path)).not.toContain('app/link-outside');
    const escape = t.notes.find((n) => n.path === 'app/link-outside');
    expect(escape?.message).toMatch(/outside the image root; not followed/);
    expect(t.notes.some((n) => /1 symbolic link\(s\) inside the image/.test(n.message))).toBe(true);
    expect(t.notes.some((n) => n.path === '../evil.txt' && /climbs above the image root/.test(n.message))).toBe(true);
    expect(infos.map((i) => i.path)).toContain('evil.txt'); // extracted at the root, as container runtimes do
  });

  it('exposes the image config (ENV, history) as a virtual file', async () => {
    const t = await openTarget(fx(name), options());
    await t.index();
    const cfg = t.get(IMAGE_CONFIG_PATH);
    const text = (await cfg!.text())!;
    expect(text).toMatch(/"OPENAI_API_KEY=sk-proj-[A-Za-z0-9]{40,}/);
    expect(text).toContain('"Entrypoint"');
    if (name !== 'docker-legacy.tar') expect(text).toMatch(/RUN \|1 HF_TOKEN=hf_/);
  });

  it('sets the layer digest on every member', async () => {
    const t = await openTarget(fx(name), options());
    const infos = await t.index();
    const main = infos.find((i) => i.path === 'app/main.py')!;
    const passwd = infos.find((i) => i.path === 'etc/passwd')!;
    expect(main.layer).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(passwd.layer).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(main.layer).not.toBe(passwd.layer);
  });
});

describe('image target: reading', () => {
  it('applies --skip-dirs and --skip-files to paths inside the image', async () => {
    const t = await openTarget(fx('docker-save.tar'), options({ skipDirs: ['opt', 'data'], skipFiles: ['*.py', 'bin/tool-hard'] }));
    const paths = (await t.index()).map((i) => i.path).sort();
    expect(paths).toEqual([IMAGE_CONFIG_PATH, 'app/model.bin', 'bin/tool', 'etc/passwd']);
  });

  it('get() reads a small member that was not yielded yet, and returns undefined for a missing one', async () => {
    const t = await openTarget(fx('oci-layout'), options());
    await t.index();
    expect((await t.get('opt/cache/new.txt')!.text())).toBe('new\n');
    expect(t.get('app/secret.env')).toBeUndefined();
  });

  it('gives a note for members over the read budget, keeping their hash', async () => {
    const t = await openTarget(fx('docker-save.tar'), options({ readBudget: 16 * 1024 }));
    const analyzer = readingAnalyzer();
    const res = await runPipeline(t, { analyzers: [analyzer] });
    const note = res.notes.find((n) => n.path === 'app/model.bin');
    expect(note?.level).toBe('info');
    expect(note?.message).toMatch(/over the read budget/);
    expect(analyzer.seen.get('app/main.py')).toBe("print('v2')\n");
  });

  it('decodes invalid UTF-8 without failing', async () => {
    const t = await openTarget(fx('oci-archive.tar'), options());
    const analyzer = readingAnalyzer();
    const res = await runPipeline(t, { analyzers: [analyzer] });
    expect(analyzer.seen.get('data/invalid-utf8.txt')).toContain('broken');
    expect(analyzer.seen.get('bin/tool')).toBeUndefined(); // binary: no text
    expect(res.notes.filter((n) => n.level === 'error')).toEqual([]);
  });

  it('a truncated gzip layer gives a note and the scan keeps the other layers', async () => {
    const t = await openTarget(fx('truncated-layer.tar'), options());
    const analyzer = readingAnalyzer();
    const res = await runPipeline(t, { analyzers: [analyzer] });
    const note = res.notes.find((n) => /layer 2 .* truncated or corrupt/.test(n.message));
    expect(note?.level).toBe('warning');
    expect(analyzer.seen.get('etc/passwd')).toContain('image root');
    expect(analyzer.seen.get('data/invalid-utf8.txt')).toBeDefined();
    // layer 3's whiteout still deletes the secret of layer 1
    expect(analyzer.seen.has('app/secret.env')).toBe(false);
  });

  it('a gzip-compressed archive cut in half gives notes, not a crash', async () => {
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const whole = readFileSync(fx('docker-save.tar.gz'));
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-cutgz-'));
    try {
      const cut = path.join(dir, 'cut.tar.gz');
      writeFileSync(cut, whole.subarray(0, whole.length >> 1));
      const t = await openTarget(cut, options());
      expect(t.type).toBe('image');
      const res = await runPipeline(t, { analyzers: [readingAnalyzer()] });
      expect(res.notes.some((n) => /truncated or corrupt/.test(n.message))).toBe(true);
      expect(res.notes.some((n) => /cannot read the image/.test(n.message))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a zstd-compressed layer', async () => {
    const t = await openTarget(fx('zstd-layer.tar'), options());
    const files = await readAll(t);
    expect(t.notes.filter((n) => /^layer \d/.test(n.message))).toEqual([]);
    expect(files.get('opt/cache/new.txt')?.toString()).toBe('new\n');
    expect(files.get('app/model.bin')?.length).toBe(64 * 1024);
    expect(files.has('opt/cache/old1.txt')).toBe(false);
  });
});
