import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Analyzer, FileInfo, ScanFile } from '../../src/core/analyzer.js';
import type { Target } from '../../src/core/target.js';
import { runPipeline } from '../../src/pipeline/scan.js';
import { DirectoryTarget } from '../../src/targets/directory.js';
import { openTarget } from '../../src/targets/open-target.js';
import { options, readingAnalyzer } from './helpers.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'aigis-dir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
function tree(files: Record<string, string | Buffer>): string {
  const root = path.join(tmp, `t${n++}`);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  mkdirSync(root, { recursive: true });
  return root;
}
const indexPaths = async (t: Target) => (await t.index()).map((i) => i.path).sort();

describe('directory walking', () => {
  const root = tree({
    '.git/config': 'x',
    'node_modules/pkg/index.js': 'x',
    'build/out.js': 'x',
    'src/app.py': 'x',
    'src/gen/code.py': 'x',
    'src/vendor/lib.min.js': 'x',
    'docs/readme.md': 'x',
  });

  it('skips .git and node_modules by default', async () => {
    const paths = await indexPaths(await openTarget(root, options()));
    expect(paths).toEqual(['build/out.js', 'docs/readme.md', 'src/app.py', 'src/gen/code.py', 'src/vendor/lib.min.js']);
  });

  it('--skip-dirs matches directory names, relative paths and globs', async () => {
    const t = await openTarget(root, options({ skipDirs: ['.git', 'node_modules', 'build', 'src/gen', '**/docs'] }));
    expect(await indexPaths(t)).toEqual(['src/app.py', 'src/vendor/lib.min.js']);
  });

  it('--skip-files matches names and path globs', async () => {
    const t = await openTarget(root, options({ skipFiles: ['*.min.js', 'docs/**'] }));
    expect(await indexPaths(t)).toEqual(['build/out.js', 'src/app.py', 'src/gen/code.py']);
  });

  it('an empty skip list scans .git too', async () => {
    const t = await openTarget(root, options({ skipDirs: [] }));
    expect(await indexPaths(t)).toContain('.git/config');
  });
});

describe('symlinks are never followed', () => {
  const outside = tree({ 'secret.txt': 'outside the target' });
  const root = tree({ 'real/inner.txt': 'inside', 'a.txt': 'a' });
  symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'to-outside-file'));
  symlinkSync(outside, path.join(root, 'to-outside-dir'));
  symlinkSync('real', path.join(root, 'linked-dir'));
  symlinkSync('loop-b', path.join(root, 'loop-a'));
  symlinkSync('loop-a', path.join(root, 'loop-b'));
  symlinkSync('self', path.join(root, 'self'));
  symlinkSync('nowhere', path.join(root, 'broken'));
  symlinkSync('/etc/passwd', path.join(root, 'passwd'));

  it('indexes only the real files, once', async () => {
    const t = await openTarget(root, options());
    expect(await indexPaths(t)).toEqual(['a.txt', 'real/inner.txt']);
  });

  it('gives each link a note that says why', async () => {
    const t = await openTarget(root, options());
    await t.index();
    const note = (p: string) => t.notes.find((x) => x.path === p);
    expect(note('to-outside-file')).toMatchObject({ level: 'warning', message: expect.stringMatching(/points outside the target; not followed/) });
    expect(note('to-outside-dir')?.level).toBe('warning');
    expect(note('passwd')?.message).toMatch(/outside the target/);
    expect(note('linked-dir')).toMatchObject({ level: 'info', message: expect.stringMatching(/scanned under its own path/) });
    expect(note('loop-a')?.message).toMatch(/symbolic link loop/);
    expect(note('self')?.message).toMatch(/symbolic link loop/);
    expect(note('broken')?.message).toMatch(/broken symbolic link/);
  });

  it('a directory named on the command line through a symlink is walked (the user chose it)', async () => {
    const via = path.join(tmp, `via-link-${n++}`);
    symlinkSync(root, via);
    const t = await openTarget(via, options());
    expect(t.type).toBe('directory');
    expect(await indexPaths(t)).toEqual(['a.txt', 'real/inner.txt']);
    const reader = readingAnalyzer();
    await runPipeline(t, { analyzers: [reader] });
    expect(reader.seen.get('real/inner.txt')).toBe('inside');
    // links inside keep their classification relative to the real root
    expect(t.notes.find((x) => x.path === 'linked-dir')?.level).toBe('info');
    expect(t.notes.find((x) => x.path === 'to-outside-file')?.level).toBe('warning');
  });

  it('a file named on the command line through a symlink is read under the given name', async () => {
    const t = await openTarget(path.join(root, 'to-outside-file'), options());
    expect(t.type).toBe('file');
    const files = await indexPaths(t);
    expect(files).toEqual(['to-outside-file']);
    const res = await runPipeline(t, { analyzers: [readingAnalyzer()] });
    expect(res.notes).toEqual([]);
  });
});

describe('special files and budgets', () => {
  it('never opens a FIFO (the scan would hang) and notes it', async () => {
    const root = tree({ 'ok.txt': 'ok' });
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
    const analyzer = readingAnalyzer();
    const res = await runPipeline(await openTarget(root, options()), { analyzers: [analyzer] });
    expect([...analyzer.seen.keys()]).toEqual(['ok.txt']);
    expect(res.notes.find((x) => x.path === 'pipe')?.message).toBe('a FIFO; not read');
  });

  it('lists files over --max-file-size, notes them, and still lets analyzers stream them', async () => {
    const root = tree({ 'big.txt': 'x'.repeat(4096), 'small.txt': 'y' });
    const t = await openTarget(root, options({ readBudget: 1024 }));
    const infos = await t.index();
    expect(infos.find((i) => i.path === 'big.txt')?.size).toBe(4096);
    const res = await runPipeline(t, { analyzers: [readingAnalyzer()] });
    expect(res.notes.find((x) => x.path === 'big.txt' && x.source === 'reader')).toMatchObject({ level: 'info', message: expect.stringMatching(/over the read budget of 1024/) });
    expect(res.notes.find((x) => x.path === 'big.txt' && x.source === 'target')?.message).toMatch(/^4096 bytes, over the read budget of 1024 bytes \(--max-file-size\): listed/);
    expect(res.notes.filter((x) => x.path === 'small.txt')).toEqual([]);
    let streamed = 0;
    for await (const chunk of t.get('big.txt')!.stream()) streamed += chunk.length;
    expect(streamed).toBe(4096);
    expect(await t.get('big.txt')!.text()).toBeUndefined();
  });

  it('an analyzer that hangs gets a time-budget note and the scan completes', async () => {
    const root = tree({ 'hang.txt': 'h', 'ok.txt': 'ok' });
    const hanging: Analyzer = {
      name: 'hangs',
      version: 1,
      rules: [],
      match: (f) => f.path === 'hang.txt',
      analyze: () => new Promise(() => undefined),
    };
    const reader = readingAnalyzer();
    const res = await runPipeline(await openTarget(root, options()), { analyzers: [hanging, reader], fileTimeoutMs: 100 });
    expect(res.notes.find((x) => x.path === 'hang.txt')).toMatchObject({ level: 'warning', source: 'hangs', message: expect.stringMatching(/last-resort time guard of 100 ms reached/) });
    expect(reader.seen.get('ok.txt')).toBe('ok');
    expect(res.stats.files).toBe(2);
  });
});

/** A target whose files are tampered with between index() and open(). */
function tampered(inner: Target, mutate: () => void): Target {
  return {
    name: inner.name,
    type: inner.type,
    notes: inner.notes,
    async index(): Promise<FileInfo[]> {
      const infos = await inner.index();
      mutate();
      return infos;
    },
    open: (files: FileInfo[]): AsyncIterable<ScanFile> => inner.open(files),
    get: (p: string) => inner.get(p),
  };
}

describe('files that change between index and read', () => {
  const cases: [string, (abs: string) => void, RegExp][] = [
    ['vanishes', (abs) => rmSync(abs), /cannot read file: it no longer exists/],
    ['is replaced by a directory', (abs) => (rmSync(abs), mkdirSync(abs)), /no longer a regular file \(now a directory\)/],
    ['is replaced by a FIFO', (abs) => (rmSync(abs), execFileSync('mkfifo', [abs])), /no longer a regular file \(now a FIFO\)/],
    ['is replaced by a symlink to /etc/passwd', (abs) => (rmSync(abs), symlinkSync('/etc/passwd', abs)), /now a symbolic link, which is not followed/],
  ];
  it.each(cases)('a file that %s gives a per-file note and the scan goes on', async (_label, mutate, message) => {
    const root = tree({ 'victim.txt': 'v', 'ok.txt': 'ok' });
    const target = tampered(new DirectoryTarget(root, root, options()), () => mutate(path.join(root, 'victim.txt')));
    const reader = readingAnalyzer();
    const res = await runPipeline(target, { analyzers: [reader] });
    const note = res.notes.find((x) => x.path === 'victim.txt');
    expect(note?.level).toBe('error');
    expect(note?.message).toMatch(message);
    expect(reader.seen.has('victim.txt')).toBe(false);
    expect(reader.seen.get('ok.txt')).toBe('ok');
  });
});

describe('hostile names', () => {
  it('a file or directory whose name is not valid UTF-8 is indexed under an escaped name, noted, and readable', async () => {
    const root = tree({ 'ok.txt': 'ok' });
    const bad = Buffer.concat([Buffer.from(root + '/bad'), Buffer.from([0xff, 0xfe]), Buffer.from('.env')]);
    writeFileSync(bad, 'x=1\n');
    const badDir = Buffer.concat([Buffer.from(root + '/dir'), Buffer.from([0xc3, 0x28])]);
    mkdirSync(badDir);
    writeFileSync(Buffer.concat([badDir, Buffer.from('/inner.txt')]), 'inner');
    const t = await openTarget(root, options());
    expect(await indexPaths(t)).toEqual(['bad\\xff\\xfe.env', 'dir\\xc3(/inner.txt', 'ok.txt']);
    expect(t.notes.map((x) => [x.path, x.message])).toEqual([
      ['bad\\xff\\xfe.env', 'its name is not valid UTF-8; shown with \\x escapes'],
      ['dir\\xc3(', 'its name is not valid UTF-8; shown with \\x escapes'],
    ]);
    expect((await t.get('dir\\xc3(/inner.txt')!.text())).toBe('inner');
    expect((await t.get('bad\\xff\\xfe.env')!.text())).toBe('x=1\n');
  });
});

describe('hostile content', () => {
  it('binary files, invalid UTF-8 and a 1 GB sparse file are handled without reading 1 GB', async () => {
    const root = tree({ 'bin.dat': Buffer.from([0, 1, 2, 0xff, 0, 0x7f]), 'bad-utf8.txt': Buffer.from([0x61, 0xff, 0xfe, 0xc3, 0x28, 0x0a]) });
    execFileSync('truncate', ['-s', '1G', path.join(root, 'huge.bin')]);
    const heads = new Map<string, number>();
    const reader = readingAnalyzer();
    const header: Analyzer = {
      name: 'magic',
      version: 1,
      rules: [],
      match: () => true,
      async analyze(f) {
        heads.set(f.path, (await f.head(16)).length);
        return {};
      },
    };
    const res = await runPipeline(await openTarget(root, options()), { analyzers: [header, reader] });
    expect(reader.seen.get('bin.dat')).toBeUndefined();
    expect(reader.seen.has('bin.dat')).toBe(true);
    expect(reader.seen.get('bad-utf8.txt')).toBe('a\uFFFD\uFFFD\uFFFD(\n');
    expect(heads.get('huge.bin')).toBe(16);
    const huge = res.notes.filter((x) => x.path === 'huge.bin');
    // One note from the target at index time, one from the analyzer that asked for the bytes.
    expect(huge.map((x) => x.source).sort()).toEqual(['reader', 'target']);
    expect(huge.every((x) => x.level === 'info' && /1073741824 bytes, over the read budget/.test(x.message))).toBe(true);
    const note = (p: string) => res.notes.filter((x) => x.path === p && x.source === 'target').map((x) => x.message);
    expect(note('bin.dat')).toEqual(['binary content (NUL bytes): not read as text']);
    expect(note('bad-utf8.txt')).toEqual(['invalid UTF-8: undecodable bytes were replaced with U+FFFD and the rest was read']);
    expect(res.stats.files).toBe(3);
  });
});
