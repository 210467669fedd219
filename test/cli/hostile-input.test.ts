/**
 * CLI-level hostile input: the scan finishes with exit 0 (never 2, never a crash) and the problem
 * files get notes. Runs dist/cli/main.js, so `npm run build` first (`npm test` does).
 * The registry has no file analyzer on this branch yet, so per-file read errors are covered by
 * the pipeline tests in test/targets/; here the target-level notes are checked.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model.js';
import { dockerSave, tarOf } from '../targets/image-builder.js';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');
const images = path.join(root, 'test/fixtures/images');

function scan(target: string, ...args: string[]): { code: number | null; report: Report; stderr: string } {
  const r = spawnSync(process.execPath, [cli, 'scan', target, '--format', 'json', ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  let report: Report;
  try {
    report = JSON.parse(r.stdout) as Report;
  } catch {
    throw new Error(`no JSON report (exit ${r.status}): ${r.stderr}`);
  }
  return { code: r.status, report, stderr: r.stderr };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'aigis-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('aigis scan on a hostile directory', () => {
  const dir = path.join(tmp, 'tree');
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  writeFileSync(path.join(dir, 'src/app.py'), 'print("hi")\n');
  writeFileSync(path.join(dir, 'blob.bin'), Buffer.from([0, 0xff, 0x13, 0, 0x80]));
  writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0x0a]));
  execFileSync('truncate', ['-s', '1G', path.join(dir, 'huge.bin')]); // sparse: no 1 GB written
  symlinkSync('loop2', path.join(dir, 'loop1'));
  symlinkSync('loop1', path.join(dir, 'loop2'));
  symlinkSync('/etc', path.join(dir, 'etc-link'));
  symlinkSync('../../../../../../outside', path.join(dir, 'up-link'));
  execFileSync('mkfifo', [path.join(dir, 'fifo')]);

  it('finishes with exit 0 and notes every hostile entry', () => {
    const { code, report, stderr } = scan(dir, '--fail-on', 'low');
    expect(code).toBe(0);
    expect(stderr).toBe(''); // no progress when stderr is not a TTY
    expect(report.target.type).toBe('directory');
    const note = (p: string) => report.notes.find((n) => n.path === p)?.message;
    expect(note('loop1')).toMatch(/symbolic link loop/);
    expect(note('etc-link')).toMatch(/outside the target; not followed/);
    expect(note('up-link')).toMatch(/broken symbolic link|outside/);
    expect(note('fifo')).toBe('a FIFO; not read');
    expect(note('huge.bin')).toMatch(/^1073741824 bytes, over the read budget/);
  });

  it('a file whose name is not valid UTF-8 is read under an escaped name, with a note, and the scan finishes', () => {
    const d = path.join(tmp, 'badname');
    mkdirSync(d, { recursive: true });
    writeFileSync(Buffer.concat([Buffer.from(`${d}/creds`), Buffer.from([0xff]), Buffer.from('.env')]), 'OPENAI_API_KEY=unreadable\n');
    writeFileSync(path.join(d, 'ok.py'), 'print(1)\n');
    const { code, report } = scan(d, '--fail-on', 'low');
    expect(code).toBe(0);
    const note = report.notes.find((n) => n.path?.startsWith('creds'));
    expect(note).toMatchObject({ level: 'info', path: 'creds\\xff.env', message: expect.stringMatching(/its name is not valid UTF-8/) });
    expect(report.notes.some((n) => /cannot (stat|read)/.test(n.message))).toBe(false);
  });

  it('binary and invalid UTF-8 files that an analyzer reads as text get a note', () => {
    const d = path.join(tmp, 'text');
    mkdirSync(d, { recursive: true });
    // Keywords make the secrets analyzer ask for the text.
    writeFileSync(path.join(d, 'settings.env'), Buffer.concat([Buffer.from('OPENAI_API_KEY=changeme \xff\xfe\n', 'latin1')]));
    writeFileSync(path.join(d, 'dump.dat'), Buffer.concat([Buffer.from('OPENAI_API_KEY=sk-proj-'), Buffer.alloc(8), Buffer.from('tail')]));
    const { code, report } = scan(d);
    expect(code).toBe(0);
    const note = (p: string) => report.notes.find((n) => n.path === p && n.source === 'target')?.message;
    expect(note('settings.env')).toMatch(/invalid UTF-8/);
    expect(note('dump.dat')).toMatch(/binary content/);
  });

  it('honours --skip-dirs, --skip-files and --max-file-size without failing', () => {
    const { code, report } = scan(dir, '--skip-dirs', 'src', '--skip-files', '*.bin', '--max-file-size', '1k');
    expect(code).toBe(0);
    expect(report.notes.some((n) => n.path?.startsWith('src/'))).toBe(false);
  });
});

describe('aigis scan on image archives', () => {
  it.each(['docker-save.tar', 'docker-save.tar.gz', 'docker-legacy.tar', 'oci-archive.tar', 'oci-layout'])('%s is scanned as an image', (name) => {
    const { code, report, stderr } = scan(path.join(images, name), '--fail-on', 'low');
    // The fixture image persists a fake OpenAI key in an ENV instruction: the image config is
    // scanned like any file, so the key is reported and --fail-on low fails the build.
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(report.target.type).toBe('image');
    expect(report.findings.some((f) => f.ruleId === 'secret/openai-api-key' && f.location.path === '.aigis/image-config.json')).toBe(true);
    expect(report.notes.find((n) => n.path === 'app/link-outside')?.message).toMatch(/outside the image root/);
  });

  it('reports a secret file of a layer at its image path, and not once a later layer deletes it', async () => {
    const token = `hf_${'Q7mZp2Lx9RbT4vNc8WkY3sHd6JfA1uGeXo'}`;
    const secret = await tarOf([{ name: 'app/.env', content: `HF_TOKEN=${token}\n` }]);
    const kept = path.join(tmp, 'kept.tar');
    await dockerSave(kept, [secret]);
    const found = scan(kept).report.findings.filter((f) => f.ruleId === 'secret/huggingface-token');
    expect(found.map((f) => f.location.path)).toEqual(['app/.env']);
    const deleted = path.join(tmp, 'deleted.tar');
    await dockerSave(deleted, [secret, await tarOf([{ name: 'app/.wh..env', content: '' }])]);
    expect(scan(deleted).report.findings.filter((f) => f.ruleId === 'secret/huggingface-token')).toEqual([]);
  });

  it('a truncated gzip layer gives a note and the scan finishes', () => {
    const { code, report } = scan(path.join(images, 'truncated-layer.tar'));
    expect(code).toBe(0);
    expect(report.notes.some((n) => n.level === 'warning' && /truncated or corrupt/.test(n.message))).toBe(true);
  });

  it('an archive whose manifest is not JSON gives an error note, not a crash', () => {
    const bad = path.join(tmp, 'bad-manifest');
    mkdirSync(bad, { recursive: true });
    writeFileSync(path.join(bad, 'manifest.json'), '[{"Config": ');
    const tarPath = path.join(tmp, 'bad-manifest.tar');
    execFileSync('tar', ['-cf', tarPath, '-C', bad, 'manifest.json']);
    const { code, report } = scan(tarPath);
    expect(code).toBe(0);
    expect(report.target.type).toBe('image');
    expect(report.notes.find((n) => n.level === 'error')?.message).toMatch(/cannot read the image/);
  });

  it('an OCI archive cut in the middle still finishes, with a note', () => {
    const cut = path.join(tmp, 'cut.tar');
    const whole = readFileSync(path.join(images, 'oci-archive.tar'));
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const { code, report } = scan(cut);
    expect(code).toBe(0);
    expect(report.target.type).toBe('image');
    expect(report.notes.some((n) => /image archive is truncated or corrupt|cannot read the image/.test(n.message))).toBe(true);
  });

  it('a tar that is not an image is scanned as a single file', () => {
    const plain = path.join(tmp, 'data.tar');
    writeFileSync(path.join(tmp, 'x.txt'), 'x');
    execFileSync('tar', ['-cf', plain, '-C', tmp, 'x.txt']);
    const { code, report } = scan(plain);
    expect(code).toBe(0);
    expect(report.target.type).toBe('file');
  });
});
