/**
 * Issue 9 regressions through the built CLI (`npm run build` first): each hostile input finishes
 * well within 60 s, exits 0/1/2 without a stack trace, stays under 500 MB of peak RSS (measured in
 * the child by test/support/maxrss.mjs), and is scanned rather than skipped silently.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { Report } from '../../src/core/model.js';
import { tarOf } from '../targets/image-builder.js';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');
const keras = path.join(root, 'test/fixtures/models/formats/keras');
const tmp = mkdtempSync(path.join(tmpdir(), 'aigis-hostile-parsers-'));
// rm(1) walks with openat: Node's rmSync overflows its stack on the 3,000-deep tree.
afterAll(() => spawnSync('rm', ['-rf', tmp]));

const MAX_RSS_KIB = 500 * 1024;
let runs = 0;

/** Runs the CLI asynchronously (a long spawnSync would starve vitest's own RPC) with a 60 s kill switch. */
async function scan(target: string, ...args: string[]): Promise<{ code: number | null; report: Report; stderr: string; rssKiB: number }> {
  const rssFile = path.join(tmp, `rss-${++runs}`);
  const child = spawn(process.execPath, ['--import', path.join(root, 'test/support/maxrss.mjs'), cli, 'scan', target, '--format', 'json', ...args], {
    cwd: root,
    env: { ...process.env, AIGIS_MAXRSS_FILE: rssFile },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  expect(killed).toBe(false); // a hang shows here
  expect([0, 1, 2]).toContain(code);
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  const rssKiB = Number(readFileSync(rssFile, 'utf8'));
  expect(rssKiB).toBeLessThan(MAX_RSS_KIB);
  return { code, report: JSON.parse(stdout) as Report, stderr, rssKiB };
}

const OS_SYSTEM = Buffer.from("cos\nsystem\nX\x02\x00\x00\x00id\x85R.", 'latin1');

describe('issue 9 hostile parser inputs through the CLI', () => {
  it('item 4: a pickle padded with 1.5M pushes before os.system fails --fail-on high and names the global', async () => {
    const pad = Buffer.alloc(1_500_000 * 2);
    for (let i = 0; i < pad.length; i += 2) pad[i] = 0x4b; // BININT1 0
    const file = path.join(tmp, 'padded.pkl');
    writeFileSync(file, Buffer.concat([Buffer.from([0x80, 0x02]), pad, OS_SYSTEM]));
    const { code, report } = await scan(file, '--fail-on', 'high');
    expect(code).toBe(1);
    const ids = report.findings.map((f) => f.ruleId);
    expect(ids).toContain('model/pickle-analysis-incomplete');
    expect(report.findings.some((f) => f.ruleId !== 'model/pickle-analysis-incomplete' && /os\.system/.test(f.message))).toBe(true);
  });

  it('item 5: a one-byte-corrupted Keras .h5 on which HDF5 loops is refused before HDF5 runs, with a note', async () => {
    const { code, report } = await scan(path.join(keras, 'hang-mutated.h5'));
    expect(code).toBe(0);
    expect(report.notes.some((n) => n.path === 'hang-mutated.h5' && /analysis stopped before HDF5 ran: .*global heap/.test(n.message))).toBe(true);
  });

  it('item 5: the same file gives the same report under a short --timeout (no clock decides it)', async () => {
    const a = await scan(path.join(keras, 'hang-mutated.h5'));
    const b = await scan(path.join(keras, 'hang-mutated.h5'), '--timeout', '2000');
    expect(b.code).toBe(a.code);
    expect(b.report.notes).toEqual(a.report.notes);
    expect(b.report.findings).toEqual(a.report.findings);
  });

  it('item 5: a corrupted .h5 that asks HDF5 for gigabytes stops at the WASM memory budget', async () => {
    const { code, report } = await scan(path.join(keras, 'alloc-mutated.h5'));
    expect(code).toBe(0);
    expect(report.notes.find((n) => n.path === 'alloc-mutated.h5')?.message).toMatch(/memory budget.*not fully analysed/);
  });

  it('item 5: the uncorrupted twin is parsed by the worker and gives no note', async () => {
    const { report } = await scan(path.join(keras, 'safe.h5'));
    expect(report.notes.filter((n) => n.path === 'safe.h5' && n.level !== 'info')).toEqual([]);
  });

  it('item 6: a Python file nesting f(f(f(…))) 300,000 deep gets a note, not minutes of parsing', async () => {
    const dir = path.join(tmp, 'deep-py');
    mkdirSync(dir);
    const n = 300_000;
    writeFileSync(path.join(dir, 'deep.py'), `import openai\nx = ${'f('.repeat(n)}1${')'.repeat(n)}\n`);
    const { code, report } = await scan(dir);
    expect(code).toBe(0);
    expect(report.notes.find((n2) => n2.path === 'deep.py' && n2.source === 'bom-code')?.message).toMatch(/nest more than 5000 deep/);
  });

  it('item 8: a pickle 3,000 directories deep is scanned', async () => {
    const dir = path.join(tmp, 'deep-dir');
    // mkdirSync cannot take the whole path at once (over PATH_MAX): build it in chunks of 500 levels.
    let rel = '';
    let chunk = path.join(dir);
    mkdirSync(chunk);
    const cwd = process.cwd();
    try {
      for (let i = 0; i < 6; i++) {
        process.chdir(chunk);
        mkdirSync(Array(500).fill('d').join('/'), { recursive: true });
        chunk = Array(500).fill('d').join('/');
        rel += `${chunk}/`;
      }
      process.chdir(chunk);
      writeFileSync('model.pkl', Buffer.concat([Buffer.from([0x80, 0x02]), OS_SYSTEM]));
    } finally {
      process.chdir(cwd);
    }
    const { code, report } = await scan(dir, '--fail-on', 'high');
    expect(code).toBe(1);
    expect(report.findings.find((f) => f.location.path === `${rel}model.pkl`)?.ruleId).toMatch(/^model\/pickle-/);
  });

  it('item 8: a pickle whose file name is not valid UTF-8 is scanned and reported with an escaped name', async () => {
    const dir = path.join(tmp, 'bad-name');
    mkdirSync(dir);
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/model`), Buffer.from([0xff]), Buffer.from('.pkl')]), Buffer.concat([Buffer.from([0x80, 0x02]), OS_SYSTEM]));
    copyFileSync(path.join(keras, 'safe.h5'), path.join(dir, 'ok.h5'));
    const { code, report } = await scan(dir, '--fail-on', 'high');
    expect(code).toBe(1);
    expect(report.findings.some((f) => f.location.path === 'model\\xff.pkl' && f.ruleId.startsWith('model/pickle-'))).toBe(true);
  });

  it('item 6: an image archive listing one large layer 200 times reads the layer once', async () => {
    const layer = gzipSync(await tarOf([{ name: 'data/big.bin', content: Buffer.alloc(64 << 20) }, { name: 'app/model.pkl', content: Buffer.concat([Buffer.from([0x80, 0x02]), OS_SYSTEM]) }]));
    const name = 'a'.repeat(64) + '/layer.tar';
    const file = path.join(tmp, 'repeated.tar');
    const manifest = [{ Config: 'config.json', RepoTags: ['t:1'], Layers: Array(200).fill(name) }];
    writeFileSync(file, await tarOf([{ name, content: layer }, { name: 'config.json', content: '{}' }, { name: 'manifest.json', content: JSON.stringify(manifest) }]));
    const { code, report } = await scan(file, '--fail-on', 'high');
    expect(code).toBe(1);
    expect(report.findings.some((f) => f.location.path === 'app/model.pkl')).toBe(true);
    expect(report.notes.some((n) => /repeats the layer below it; applied once/.test(n.message))).toBe(true);
  });

  it('item 8: an image layer entry named ../../model.pkl is scanned where a runtime extracts it', async () => {
    const layer = await tarOf([{ name: '../../model.pkl', content: Buffer.concat([Buffer.from([0x80, 0x02]), OS_SYSTEM]) }]);
    const name = 'b'.repeat(64) + '/layer.tar';
    const file = path.join(tmp, 'climb.tar');
    const manifest = [{ Config: 'config.json', RepoTags: ['t:1'], Layers: [name] }];
    writeFileSync(file, await tarOf([{ name, content: layer }, { name: 'config.json', content: '{}' }, { name: 'manifest.json', content: JSON.stringify(manifest) }]));
    const { code, report } = await scan(file, '--fail-on', 'high');
    expect(code).toBe(1);
    expect(report.findings.some((f) => f.location.path === 'model.pkl' && f.ruleId.startsWith('model/pickle-'))).toBe(true);
    expect(report.notes.some((n) => n.path === '../../model.pkl' && /climbs above the image root; scanned at \/model.pkl/.test(n.message))).toBe(true);
  });
  it('huge files: infrastructure files over their kind size cap get a note and the scan goes on; large data files stay quiet', async () => {
    const dir = path.join(tmp, 'huge');
    mkdirSync(dir);
    const pad = (head: string, bytes: number): string => head + '# pad\n'.repeat(Math.ceil(bytes / 6));
    writeFileSync(path.join(dir, 'main.tf'), pad('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n', 4 * 1024 * 1024));
    writeFileSync(path.join(dir, 'Dockerfile'), pad('FROM python:3.11\n', 1024 * 1024));
    writeFileSync(path.join(dir, 'data.json'), `{"a": [${'1,'.repeat(3 * 1024 * 1024)}1]}`);
    writeFileSync(path.join(dir, 'ok.tf'), 'resource "aws_s3_bucket" "c" {\n  bucket = "y"\n}\n');
    const { report } = await scan(dir);
    const notes = report.notes.map((n) => `${n.path}: ${n.message}`);
    expect(notes).toContain('main.tf: terraform: larger than 4194304 bytes; not read');
    expect(notes).toContain('Dockerfile: dockerfile: larger than 1048576 bytes; not read');
    expect(notes.filter((n) => n.startsWith('data.json:'))).toEqual([]);
    expect(report.findings.some((f) => f.location.path === 'ok.tf' && f.ruleId.startsWith('tf/'))).toBe(true);
    expect(report.findings.some((f) => f.location.path === 'main.tf')).toBe(false);
  });
});
