import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, unlinkSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildManifest } from '../../src/integrity/build.js';
import { hashFiles, threadCount } from '../../src/integrity/hash-pool.js';
import { parseManifest, rootDigest, toSha256sum, toStatement, ManifestError, IN_TOTO_PAYLOAD_TYPE } from '../../src/integrity/manifest.js';
import { keyHint, loadPublicKey, pae, verifyBundle, SignatureError } from '../../src/integrity/signature.js';
import { verifyManifest, verifyOk } from '../../src/integrity/verify.js';

// Root reads a mode-000 directory anyway: for root, readdir of the directories listed here fails as
// it does for anyone else on such a directory (EACCES), so the unreadable-directory case runs either way.
const denied = vi.hoisted(() => new Set<string>());
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((p: import('node:fs').PathLike, ...rest: unknown[]) => {
    if (denied.has(String(p))) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(p)}'`), { code: 'EACCES' });
    return (fs.readdirSync as (...a: unknown[]) => unknown)(p, ...rest);
  }) as typeof fs.readdirSync;
  return { ...fs, readdirSync, default: { ...fs, readdirSync } };
});

const tmp = mkdtempSync(join(tmpdir(), 'aigis-integrity-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

function modelDir(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'shards'), { recursive: true });
  mkdirSync(join(dir, '.git'), { recursive: true });
  writeFileSync(join(dir, 'config.json'), '{"model_type":"llama"}');
  writeFileSync(join(dir, 'shards', 'model-00001.safetensors'), Buffer.alloc(3 << 20, 1));
  writeFileSync(join(dir, 'shards', 'model-00002.safetensors'), Buffer.alloc(1 << 20, 2));
  writeFileSync(join(dir, 'README.md'), '# model');
  writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main');
  return dir;
}

describe('hashing', () => {
  /** Files of assorted sizes: empty, below, at and above the 128 KiB read buffer, and megabytes. */
  function assorted(name: string): { abs: string; size: number }[] {
    const dir = join(tmp, name);
    mkdirSync(dir);
    const sizes = [0, 1, 1000, (128 << 10) - 1, 128 << 10, (128 << 10) + 1, 3 << 20, 700_001, 5, 2 << 20, 64, 300_000];
    return sizes.map((size, i) => {
      const abs = join(dir, `f${i}.bin`);
      writeFileSync(abs, Buffer.alloc(size, i + 1));
      return { abs, size };
    });
  }

  it('hashes on the calling thread and in workers alike: every digest matches node:crypto, in job order', async () => {
    const jobs = assorted('threads');
    const want = jobs.map((j) => ({ sha256: sha(readFileSync(j.abs)), size: j.size }));
    expect(threadCount(jobs, { concurrency: 3, minWorkPerThread: 0 })).toBe(3);
    expect(await hashFiles(jobs, { concurrency: 1 })).toEqual(want);
    expect(await hashFiles(jobs, { concurrency: 3, minWorkPerThread: 0 })).toEqual(want);
    // Jobs in another order: results still follow the jobs, not the order threads finished in.
    const reversed = [...jobs].reverse();
    expect(await hashFiles(reversed, { concurrency: 2, minWorkPerThread: 0 })).toEqual([...want].reverse());
  });

  it('reports progress: every byte and every file, whichever thread hashed it', async () => {
    const jobs = assorted('progress');
    let bytes = 0;
    let files = 0;
    await hashFiles(jobs, {
      concurrency: 2,
      minWorkPerThread: 0,
      onProgress: (b, f) => {
        bytes += b;
        files = Math.max(files, f);
      },
    });
    expect(bytes).toBe(jobs.reduce((a, j) => a + j.size, 0));
    expect(files).toBe(jobs.length);
  });

  it('starts no worker for a small job, and no more threads than files or cores asked for', () => {
    const small = [{ abs: 'a', size: 1 << 20 }, { abs: 'b', size: 1 << 20 }];
    expect(threadCount(small, { concurrency: 4 })).toBe(1);
    const big = Array.from({ length: 64 }, (_, i) => ({ abs: String(i), size: 32 << 20 }));
    expect(threadCount(big, { concurrency: 2 })).toBe(2);
    expect(threadCount(big, { concurrency: 1 })).toBe(1);
    const huge = Array.from({ length: 3 }, (_, i) => ({ abs: String(i), size: 1 << 30 }));
    expect(threadCount(huge, { concurrency: 8 })).toBe(3);
    // Each extra thread needs its share of work: 96 MiB is worth one thread, not three.
    expect(threadCount(big.slice(0, 3), { concurrency: 8 })).toBe(1);
    // Many empty files are work too (open and close each).
    expect(threadCount(Array.from({ length: 5000 }, (_, i) => ({ abs: String(i), size: 0 })), { concurrency: 2 })).toBe(2);
  });

  it('reports an unreadable file instead of throwing', async () => {
    const res = await hashFiles([{ abs: join(tmp, 'nope'), size: 0 }]);
    expect(res[0].error).toMatch(/ENOENT/);
  });

  it('an unreadable file in a worker is an error at its own index; the other files are hashed', async () => {
    const jobs = assorted('worker-errors');
    const missing = { abs: join(tmp, 'worker-errors', 'gone.bin'), size: 4 << 20 };
    const res = await hashFiles([jobs[0], missing, ...jobs.slice(1)], { concurrency: 2, minWorkPerThread: 0 });
    expect(res[1].error).toMatch(/ENOENT/);
    expect(res.filter((r) => r.error !== undefined)).toHaveLength(1);
    expect(res[2].sha256).toBe(sha(readFileSync(jobs[1].abs)));
  });

  it.skipIf(process.platform === 'win32')('a path that became a FIFO or a directory after the walk is refused, not read (no hang)', async () => {
    const dir = join(tmp, 'special');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    writeFileSync(join(dir, 'ok'), 'ok');
    const jobs = ['pipe', 'sub', 'ok'].map((n) => ({ abs: join(dir, n), size: 0 }));
    for (const opts of [{ concurrency: 1 }, { concurrency: 2, minWorkPerThread: 0 }]) {
      const res = await hashFiles(jobs, opts);
      expect(res.map((r) => r.error)).toEqual(['not a regular file', 'not a regular file', undefined]);
      expect(res[2].sha256).toBe(sha('ok'));
    }
  });
});

describe('files that change after the walk, and unreadable directories', () => {
  it.skipIf(process.platform === 'win32')('a file swapped for a symbolic link after the walk is refused, not followed', async () => {
    const dir = join(tmp, 'swapped-link');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(tmp, 'swapped-secret'), 'secret');
    writeFileSync(join(dir, 'victim'), 'victim');
    writeFileSync(join(dir, 'ok'), 'ok');
    const jobs = ['victim', 'ok'].map((n) => ({ abs: join(dir, n), size: 0 }));
    unlinkSync(join(dir, 'victim'));
    symlinkSync(join(tmp, 'swapped-secret'), join(dir, 'victim'));
    for (const opts of [{ concurrency: 1 }, { concurrency: 2, minWorkPerThread: 0 }]) {
      const res = await hashFiles(jobs, opts);
      expect(res[0]).toEqual({ error: 'not a regular file (now a symbolic link, which is not followed)' });
      expect(res[1].sha256).toBe(sha('ok'));
    }
  });

  it('links inside the directory, and a file named through a link, are still hashed (their targets are opened)', async () => {
    const dir = join(tmp, 'inner-links');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'weights.bin'), 'w');
    symlinkSync(join(dir, 'weights.bin'), join(dir, 'alias.bin'));
    const { manifest, skipped } = await buildManifest([dir]);
    expect(manifest.entries.map((e) => [e.name, e.sha256])).toEqual([['alias.bin', sha('w')], ['weights.bin', sha('w')]]);
    expect(skipped).toEqual([]);
    expect((await buildManifest([join(dir, 'alias.bin')])).manifest.entries).toEqual([{ name: 'alias.bin', sha256: sha('w') }]);
  });

  // Root reads any directory whatever its mode, so there is no unreadable directory to test with.
  it.skipIf(process.platform === 'win32')('an unreadable subdirectory is noted and the rest is hashed', async () => {
    const dir = join(tmp, 'unreadable');
    mkdirSync(join(dir, 'locked'), { recursive: true });
    writeFileSync(join(dir, 'locked', 'inner'), 'inner');
    writeFileSync(join(dir, 'ok'), 'ok');
    chmodSync(join(dir, 'locked'), 0o000);
    if (process.getuid?.() === 0) denied.add(join(dir, 'locked'));
    try {
      const { manifest, skipped } = await buildManifest([dir]);
      expect(manifest.entries).toEqual([{ name: 'ok', sha256: sha('ok') }]);
      expect(skipped).toEqual([{ name: 'locked', reason: 'cannot read directory (EACCES); its files are not hashed' }]);
    } finally {
      denied.clear();
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });
});

describe('manifest', () => {
  it('is a model-signing v1.0 in-toto statement: resources sorted by name, root digest over them, .git ignored', async () => {
    const dir = modelDir('manifest');
    const { manifest } = await buildManifest([dir]);
    const st = toStatement(manifest) as { _type: string; predicateType: string; subject: { name: string; digest: { sha256: string } }[]; predicate: { resources: { name: string; algorithm: string; digest: string }[] } };
    expect(st._type).toBe('https://in-toto.io/Statement/v1');
    expect(st.predicateType).toBe('https://model_signing/signature/v1.0');
    const names = st.predicate.resources.map((r) => r.name);
    expect(names).toEqual(['README.md', 'config.json', 'shards/model-00001.safetensors', 'shards/model-00002.safetensors']);
    expect(st.predicate.resources[1]).toEqual({ name: 'config.json', algorithm: 'sha256', digest: sha('{"model_type":"llama"}') });
    const root = createHash('sha256');
    for (const r of st.predicate.resources) root.update(Buffer.from(r.digest, 'hex'));
    expect(st.subject).toEqual([{ name: 'manifest', digest: { sha256: root.digest('hex') } }]);
  });

  it('sorts names by UTF-8 bytes (Python sorted()), not UTF-16 code units', async () => {
    const dir = join(tmp, 'utf8-order');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    // UTF-16 order would put the emoji (a surrogate pair, 0xD83D…) before U+FF5E; UTF-8 order puts it last.
    for (const n of ['\u{1F600}.bin', '\uFF5E.bin', 'é.bin', 'a.bin', 'Z.bin', 'sub/x.bin', 'sub.bin']) writeFileSync(join(dir, n), n);
    const { manifest } = await buildManifest([dir]);
    const want = ['Z.bin', 'a.bin', 'sub.bin', 'sub/x.bin', 'é.bin', '\uFF5E.bin', '\u{1F600}.bin'];
    expect(manifest.entries.map((e) => e.name)).toEqual(want);
    expect(manifest.entries.map((e) => e.sha256)).toEqual(want.map((n) => sha(n)));
    expect(toSha256sum({ modelName: 'x', entries: [...manifest.entries].reverse() }).split('\n').slice(0, -1).map((l) => l.slice(66))).toEqual(want);
  });

  it('round-trips through the statement and sha256sum forms', async () => {
    const { manifest } = await buildManifest([modelDir('roundtrip')]);
    const a = parseManifest(JSON.stringify(toStatement(manifest)));
    const b = parseManifest(toSha256sum(manifest));
    expect(a.entries).toEqual(b.entries);
    expect(toSha256sum(manifest).split('\n')[0]).toMatch(/^[0-9a-f]{64} {2}README\.md$/);
  });

  it('escapes names with newlines or backslashes like GNU sha256sum', () => {
    const m = { modelName: 'x', entries: [{ name: 'a\nb\\c', sha256: sha('x') }] };
    const text = toSha256sum(m);
    expect(text).toBe(`\\${sha('x')}  a\\nb\\\\c\n`);
    expect(parseManifest(text).entries[0].name).toBe('a\nb\\c');
  });

  it('rejects a statement whose root digest does not match its resources', async () => {
    const { manifest } = await buildManifest([modelDir('inconsistent')]);
    const st = toStatement(manifest) as { predicate: { resources: { digest: string }[] } };
    st.predicate.resources[0].digest = sha('tampered');
    expect(() => parseManifest(JSON.stringify(st))).toThrow(ManifestError);
  });
});

describe('verify', () => {
  it('passes when nothing changed, then names changed, missing and extra files', async () => {
    const dir = modelDir('verify');
    const { manifest } = await buildManifest([dir]);
    expect(verifyOk(await verifyManifest(manifest, dir))).toBe(true);
    writeFileSync(join(dir, 'config.json'), '{"model_type":"evil"}');
    unlinkSync(join(dir, 'README.md'));
    writeFileSync(join(dir, 'shards', 'payload.pkl'), 'x');
    const r = await verifyManifest(manifest, dir);
    expect(verifyOk(r)).toBe(false);
    expect(r.changed.map((c) => c.name)).toEqual(['config.json']);
    expect(r.missing).toEqual(['README.md']);
    expect(r.extra).toEqual(['shards/payload.pkl']);
    expect(r.matched).toHaveLength(2);
  });

  it('does not follow symbolic links out of the directory', async () => {
    const dir = modelDir('symlinks');
    writeFileSync(join(tmp, 'outside-secret'), 'secret');
    symlinkSync(join(tmp, 'outside-secret'), join(dir, 'leak'));
    symlinkSync(join(dir, 'config.json'), join(dir, 'config-link.json'));
    symlinkSync(dir, join(dir, 'loop'));
    const { manifest, skipped } = await buildManifest([dir]);
    const names = manifest.entries.map((e) => e.name);
    expect(names).not.toContain('leak');
    expect(names).toContain('config-link.json');
    expect(names.some((n) => n.startsWith('loop/'))).toBe(false);
    expect(skipped.map((s) => s.name).sort()).toEqual(['leak', 'loop']);
  });
});

/** Signs a statement the way model_signing's elliptic-curve signer does (sigstore bundle v0.3 + DSSE). */
function signBundle(statement: unknown, privateKey: KeyObject, publicKey: KeyObject, hash = 'sha256'): string {
  const payload = Buffer.from(JSON.stringify(statement));
  const sig = sign(hash, pae(IN_TOTO_PAYLOAD_TYPE, payload), { key: privateKey, dsaEncoding: 'der' });
  return JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { publicKey: { hint: keyHint(publicKey) }, tlogEntries: [] },
    dsseEnvelope: { payload: payload.toString('base64'), payloadType: IN_TOTO_PAYLOAD_TYPE, signatures: [{ sig: sig.toString('base64'), keyid: '' }] },
  });
}

describe('OpenSSF model-signing signatures (offline, EC keys)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  it('verifies a bundle signed in the test and returns the signed manifest', async () => {
    const dir = modelDir('signed');
    const { manifest } = await buildManifest([dir]);
    const bundle = signBundle(toStatement(manifest), privateKey, publicKey);
    const statement = verifyBundle(bundle, loadPublicKey(pem));
    const signed = parseManifest(JSON.stringify(statement));
    expect(rootDigest(signed.entries)).toBe(rootDigest(manifest.entries));
    expect(verifyOk(await verifyManifest(signed, dir))).toBe(true);
  });

  it('accepts signature and payload base64-encoded twice (protobuf-JSON writers that encode bytes again)', () => {
    const bundle = JSON.parse(signBundle({ _type: 'x' }, privateKey, publicKey));
    bundle.dsseEnvelope.payload = Buffer.from(bundle.dsseEnvelope.payload).toString('base64');
    bundle.dsseEnvelope.signatures[0].sig = Buffer.from(bundle.dsseEnvelope.signatures[0].sig).toString('base64');
    expect(verifyBundle(JSON.stringify(bundle), publicKey)).toEqual({ _type: 'x' });
  });

  it('P-384 keys use SHA-384', () => {
    const k = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const bundle = signBundle({ x: 1 }, k.privateKey, k.publicKey, 'sha384');
    expect(verifyBundle(bundle, k.publicKey)).toEqual({ x: 1 });
  });

  it('fails on a tampered payload, a wrong key and a wrong key hint', async () => {
    const { manifest } = await buildManifest([modelDir('tamper')]);
    const bundle = JSON.parse(signBundle(toStatement(manifest), privateKey, publicKey));
    const tampered = structuredClone(bundle);
    const st = JSON.parse(Buffer.from(tampered.dsseEnvelope.payload, 'base64').toString());
    st.predicate.resources[0].digest = sha('evil');
    tampered.dsseEnvelope.payload = Buffer.from(JSON.stringify(st)).toString('base64');
    expect(() => verifyBundle(JSON.stringify(tampered), loadPublicKey(pem))).toThrow(/does not verify/);

    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => verifyBundle(JSON.stringify(bundle), other.publicKey)).toThrow(/key mismatch/);
    const noHint = structuredClone(bundle);
    delete noHint.verificationMaterial.publicKey.hint;
    expect(() => verifyBundle(JSON.stringify(noHint), other.publicKey)).toThrow(SignatureError);
  });

  it('refuses non-EC keys', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => loadPublicKey(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toThrow(/elliptic-curve/);
  });
});
