/** `aigis hash` / `aigis verify` through the built CLI (`npm test` builds dist/ first). */
import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IN_TOTO_PAYLOAD_TYPE } from '../../src/integrity/manifest.js';
import { keyHint, pae } from '../../src/integrity/signature.js';
import { hashCommand } from '../../src/cli/commands/hash.js';
import { verifyCommand } from '../../src/cli/commands/verify.js';
import { CliError } from '../../src/cli/exit.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'aigis-cli-integrity-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], cwd = tmp) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function dataset(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, 'train'), { recursive: true });
  writeFileSync(path.join(dir, 'train', 'part-0.parquet'), Buffer.alloc(100_000, 7));
  writeFileSync(path.join(dir, 'train', 'part-1.parquet'), Buffer.alloc(50_000, 8));
  writeFileSync(path.join(dir, 'labels.csv'), 'id,label\n1,cat\n');
  return dir;
}

describe('aigis hash / verify', () => {
  it('a manifest written beside the folder (the README example) verifies without --root', () => {
    const work = path.join(tmp, 'beside');
    mkdirSync(work);
    dataset(path.join('beside', 'models'));
    expect(run(['hash', 'models/', '-o', 'models.manifest.json'], work).code).toBe(0);
    const ok = run(['verify', 'models.manifest.json'], work);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/all 3 files match/);
    writeFileSync(path.join(work, 'models', 'labels.csv'), 'tampered\n');
    const bad = run(['verify', 'models.manifest.json'], work);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/CHANGED\s+labels\.csv/);
  });

  it('hash writes an in-toto manifest; verify exits 0, then 1 naming the changed, missing and extra files', () => {
    const dir = dataset('ds1');
    const manifest = path.join(dir, 'manifest.json');
    expect(run(['hash', dir, '-o', manifest]).code).toBe(0);
    const st = JSON.parse(readFileSync(manifest, 'utf8'));
    expect(st.predicate.resources.map((r: { name: string }) => r.name)).toEqual(['labels.csv', 'train/part-0.parquet', 'train/part-1.parquet']);
    const ok = run(['verify', manifest]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('all 3 files match');

    writeFileSync(path.join(dir, 'labels.csv'), 'id,label\n1,dog\n');
    rmSync(path.join(dir, 'train', 'part-1.parquet'));
    writeFileSync(path.join(dir, 'train', 'poison.parquet'), 'x');
    const bad = run(['verify', manifest]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/CHANGED {2}labels\.csv/);
    expect(bad.stdout).toMatch(/MISSING {2}train\/part-1\.parquet/);
    expect(bad.stdout).toMatch(/EXTRA {4}train\/poison\.parquet/);
    const json = JSON.parse(run(['verify', manifest, '--format', 'json']).stdout);
    expect(json).toMatchObject({ ok: false, missing: ['train/part-1.parquet'], extra: ['train/poison.parquet'] });
  });

  it('--ignore paths are recorded in the manifest and skipped by verify', () => {
    const dir = dataset('ds-ignore');
    mkdirSync(path.join(dir, 'cache'));
    writeFileSync(path.join(dir, 'cache', 'tmp.bin'), 'scratch');
    const manifest = path.join(dir, 'manifest.json');
    expect(run(['hash', dir, '--ignore', 'cache', '-o', manifest]).code).toBe(0);
    const st = JSON.parse(readFileSync(manifest, 'utf8'));
    expect(st.predicate.serialization.ignore_paths).toContain('cache');
    expect(st.predicate.resources.map((r: { name: string }) => r.name)).not.toContain('cache/tmp.bin');
    writeFileSync(path.join(dir, 'cache', 'other.bin'), 'changes all the time');
    expect(run(['verify', manifest]).code).toBe(0);
  });

  it('a manifest of several paths verifies on the unchanged tree: files beside them are not extra', () => {
    const work = path.join(tmp, 'several');
    mkdirSync(path.join(work, 'data', 'sub'), { recursive: true });
    mkdirSync(path.join(work, 'models'));
    writeFileSync(path.join(work, 'data', 'train.csv'), '1\n');
    writeFileSync(path.join(work, 'models', 'w.bin'), '2\n');
    writeFileSync(path.join(work, 'notes.txt'), '3\n');
    expect(run(['hash', 'data', 'models', '-o', 'manifest.json', '-q'], work).code).toBe(0);
    const ok = run(['verify', 'manifest.json'], work);
    expect(ok.stdout).toContain('all 2 files match');
    expect(ok.code).toBe(0);
    // A file added inside a hashed directory, at any depth, is still extra.
    writeFileSync(path.join(work, 'data', 'sub', 'new.csv'), '4\n');
    const added = run(['verify', 'manifest.json'], work);
    expect(added.code).toBe(1);
    expect(added.stdout).toMatch(/EXTRA\s+data\/sub\/new\.csv/);
    expect(added.stdout).not.toContain('notes.txt');
  });

  it('one file inside the working directory is named from there, so verify and sha256sum -c find it', () => {
    const work = path.join(tmp, 'onefile');
    mkdirSync(path.join(work, 'data'), { recursive: true });
    writeFileSync(path.join(work, 'data', 'train.csv'), '1\n');
    writeFileSync(path.join(work, 'other.txt'), '2\n');
    expect(run(['hash', 'data/train.csv', '-f', 'sha256sum', '-o', 'sums.txt', '-q'], work).code).toBe(0);
    expect(readFileSync(path.join(work, 'sums.txt'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}data\/train\.csv\n$/);
    expect(run(['verify', 'sums.txt'], work).code).toBe(0);
    const coreutils = spawnSync('sha256sum', ['-c', 'sums.txt'], { cwd: work, encoding: 'utf8' });
    expect(coreutils.stdout).toBe('data/train.csv: OK\n');
  });

  it('a manifest kept away from its files says to name their directory with --root', () => {
    const work = path.join(tmp, 'away');
    dataset(path.join('away', 'data'));
    mkdirSync(path.join(work, 'manifests'));
    expect(run(['hash', 'data', '-o', 'manifests/data.json', '-q'], work).code).toBe(0);
    const lost = run(['verify', 'manifests/data.json'], work);
    expect(lost.code).toBe(1);
    expect(lost.stdout).toContain('none of the 3 listed files is under');
    expect(lost.stdout).toContain('name their directory with --root');
    const found = run(['verify', 'manifests/data.json', '--root', 'data'], work);
    expect(found.code).toBe(0);
    expect(found.stdout).not.toContain('--root');
  });

  it('the sha256sum form is accepted by verify and by coreutils sha256sum -c', () => {
    const dir = dataset('ds2');
    const out = run(['hash', '.', '--format', 'sha256sum'], dir);
    expect(out.code).toBe(0);
    writeFileSync(path.join(tmp, 'ds2.sha256'), out.stdout);
    expect(run(['verify', path.join(tmp, 'ds2.sha256'), '--root', dir]).code).toBe(0);
    const coreutils = spawnSync('sha256sum', ['-c', path.join(tmp, 'ds2.sha256')], { cwd: dir, encoding: 'utf8' });
    expect(coreutils.status).toBe(0);
  });

  it('usage errors are CliErrors (exit 2, checked once through the CLI)', async () => {
    expect(run(['verify']).code).toBe(2);
    const text = { format: 'text' };
    await expect(verifyCommand(path.join(tmp, 'missing.json'), text)).rejects.toThrow(CliError);
    await expect(verifyCommand(undefined, { ...text, signature: 'model.sig' })).rejects.toThrow(/needs --public-key/);
    await expect(verifyCommand('m.json', { ...text, signature: 'model.sig', publicKey: 'k' })).rejects.toThrow(/either/);
    await expect(hashCommand([path.join(tmp, 'nope')], { format: 'in-toto', ignore: [] })).rejects.toThrow(CliError);
    await expect(hashCommand([tmp], { format: 'xml', ignore: [] })).rejects.toThrow(/unknown manifest format/);
    await expect(hashCommand([tmp], { format: 'in-toto', ignore: [], jobs: '0' })).rejects.toThrow(/--jobs/);
    writeFileSync(path.join(tmp, 'garbage.json'), '{"not": "a manifest"');
    await expect(verifyCommand(path.join(tmp, 'garbage.json'), text)).rejects.toThrow(CliError);
  });

  it('verify --signature --public-key checks a model-signing bundle offline', () => {
    const dir = dataset('signed');
    const manifest = run(['hash', dir]).stdout;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const payload = Buffer.from(manifest);
    const sig = sign('sha256', pae(IN_TOTO_PAYLOAD_TYPE, payload), { key: privateKey, dsaEncoding: 'der' });
    const bundle = {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: { publicKey: { hint: keyHint(publicKey) }, tlogEntries: [] },
      dsseEnvelope: { payload: payload.toString('base64'), payloadType: IN_TOTO_PAYLOAD_TYPE, signatures: [{ sig: sig.toString('base64'), keyid: '' }] },
    };
    writeFileSync(path.join(dir, 'model.sig'), JSON.stringify(bundle));
    writeFileSync(path.join(tmp, 'key.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
    const ok = run(['verify', '--signature', path.join(dir, 'model.sig'), '--public-key', path.join(tmp, 'key.pub')]);
    expect(ok.stdout).toContain('signature valid; all 3 files match');
    expect(ok.code).toBe(0);

    writeFileSync(path.join(dir, 'train', 'part-0.parquet'), 'swapped');
    const changed = run(['verify', '--signature', path.join(dir, 'model.sig'), '--public-key', path.join(tmp, 'key.pub')]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/CHANGED {2}train\/part-0\.parquet/);

    bundle.dsseEnvelope.payload = Buffer.from(manifest.replace(/"labels.csv"/, '"labels2.csv"')).toString('base64');
    writeFileSync(path.join(dir, 'model.sig'), JSON.stringify(bundle));
    const forged = run(['verify', '--signature', path.join(dir, 'model.sig'), '--public-key', path.join(tmp, 'key.pub')]);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toMatch(/does not verify/);
  });
});

describe('aigis hash on an unreadable subdirectory', () => {
  // chmod 000 does not stop root, so as root the CLI runs as the unprivileged user 65534 (nobody).
  const asRoot = process.getuid?.() === 0;
  // ...which needs the checkout to be readable by that user (a clone inside a mode-700 temp folder is
  // not); the library test in integrity.test.ts covers the case in any layout.
  const runnable = !asRoot || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(cli)}, require('fs').constants.R_OK)`], { uid: 65534, gid: 65534 }).status === 0;
  it.skipIf(process.platform === 'win32' || !runnable)('notes the directory, hashes the rest and exits 0', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'aigis-unreadable-'));
    try {
      chmodSync(base, 0o755);
      const dir = path.join(base, 'model');
      mkdirSync(path.join(dir, 'locked'), { recursive: true });
      writeFileSync(path.join(dir, 'locked', 'inner.bin'), 'inner');
      writeFileSync(path.join(dir, 'weights.bin'), 'w');
      chmodSync(path.join(dir, 'locked'), 0o000);
      const r = spawnSync(process.execPath, [cli, 'hash', '-q', '-f', 'sha256sum', dir], { encoding: 'utf8', cwd: base, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
      expect(r.stderr).toBe('aigis hash: skipped locked: cannot read directory (EACCES); its files are not hashed\n');
      expect(r.stdout).toBe(`${createHash('sha256').update('w').digest('hex')}  weights.bin\n`);
      expect(r.status).toBe(0);
    } finally {
      chmodSync(path.join(base, 'model', 'locked'), 0o755);
      rmSync(base, { recursive: true, force: true });
    }
  });
});
