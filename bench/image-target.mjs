#!/usr/bin/env node
/**
 * Benchmark of the image target: builds a synthetic docker-save archive (3 gzip layers, 50,000
 * entries, whiteouts, about 230 MB uncompressed) in a temp dir, then indexes it and reads every
 * file through the pipeline with an analyzer that reads each file whole.
 * Prints wall time per phase and peak RSS.  Usage: npm run build && node bench/image-target.mjs [--gzip]
 * The scan runs in a child process so that the builder's buffers do not count in its RSS.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { openTarget } from '../dist/targets/open-target.js';
import { runPipeline } from '../dist/pipeline/scan.js';

async function tarOf(members) {
  const pack = tar.pack();
  const chunks = [];
  const done = (async () => {
    for await (const c of pack) chunks.push(c);
  })();
  for (const [name, body] of members) {
    await new Promise((resolve, reject) => pack.entry({ name, size: body.length }, body, (e) => (e ? reject(e) : resolve())));
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

function layerMembers(count, prefix, size, whiteoutEvery) {
  const out = [];
  for (let i = 0; i < count; i++) out.push([`${prefix}/d${Math.floor(i / 100)}/f${i}.py`, Buffer.from(`x = ${i}\n`.repeat(Math.ceil(size / 8)).slice(0, size))]);
  if (whiteoutEvery) for (let i = 0; i < count; i += whiteoutEvery) out.push([`${prefix}/d${Math.floor(i / 100)}/.wh.f${i}.py`, Buffer.alloc(0)]);
  return out;
}

const opts = { skipDirs: ['.git', 'node_modules'], skipFiles: [], readBudget: 64 << 20 };

async function scan(file) {
  let t = performance.now();
  const infos = await (await openTarget(file, opts)).index();
  const indexMs = performance.now() - t;
  const reader = {
    name: 'reader',
    version: 1,
    rules: [],
    match: () => true,
    async analyze(f) {
      await f.bytes();
      return {};
    },
  };
  // A fresh target, so that the pipeline runs both passes.
  const target = await openTarget(file, opts);
  t = performance.now();
  const res = await runPipeline(target, { analyzers: [reader] });
  const totalMs = performance.now() - t;
  console.log(`index (pass 1): ${infos.length} files in ${Math.round(indexMs)} ms`);
  console.log(`index + read every file (pass 1 + 2): ${res.stats.files} files, ${(res.stats.bytes / 1e6).toFixed(0)} MB in ${Math.round(totalMs)} ms`);
  console.log(`peak RSS of the scanning process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; notes ${res.notes.length}`);
}

async function build() {
  const gzipWhole = process.argv.includes('--gzip');
  const dir = mkdtempSync(path.join(tmpdir(), 'aigis-bench-image-'));
  try {
    const t = performance.now();
    const layers = [
      await tarOf(layerMembers(20_000, 'usr/lib', 4000, 0)),
      await tarOf(layerMembers(20_000, 'usr/lib', 2000, 10)),
      await tarOf(layerMembers(10_000, 'app', 8000, 0)),
    ];
    const blobs = layers.map((l) => gzipSync(l, { level: 1 }));
    const names = blobs.map((b) => `blobs/sha256/${createHash('sha256').update(b).digest('hex')}`);
    const config = { config: { Env: ['PATH=/usr/bin'] }, rootfs: { type: 'layers', diff_ids: layers.map((l) => `sha256:${createHash('sha256').update(l).digest('hex')}`) } };
    const archive = await tarOf([
      ...blobs.map((b, i) => [names[i], b]),
      ['config.json', Buffer.from(JSON.stringify(config))],
      ['manifest.json', Buffer.from(JSON.stringify([{ Config: 'config.json', RepoTags: ['bench:1'], Layers: names }]))],
    ]);
    const file = path.join(dir, gzipWhole ? 'image.tar.gz' : 'image.tar');
    writeFileSync(file, gzipWhole ? gzipSync(archive, { level: 1 }) : archive);
    const uncompressed = layers.reduce((a, l) => a + l.length, 0);
    console.log(`built ${path.basename(file)}: ${(uncompressed / 1e6).toFixed(0)} MB in layers, archive ${(archive.length / 1e6).toFixed(1)} MB, in ${Math.round(performance.now() - t)} ms`);
    spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--scan', file], { stdio: 'inherit' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const scanIndex = process.argv.indexOf('--scan');
if (scanIndex > 0) await scan(process.argv[scanIndex + 1]);
else await build();
