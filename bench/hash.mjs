#!/usr/bin/env node
/**
 * Benchmark: `aigis hash` against `openssl dgst -sha256` on the same data in the same run.
 *   npm run build && node bench/hash.mjs [--size-mib 2048] [--files 64] [--keep]
 * Two data sets of the same total size: one big file, and many files. Both tools read from the page
 * cache (the data is read once before timing), so the figures compare hashing, not the disk.
 * openssl hashes files one after another on one core; aigis spreads files over worker threads.
 */
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const sizeMiB = opt('--size-mib', 2048);
const nFiles = opt('--files', 64);
const keep = args.includes('--keep');
const cli = resolve(import.meta.dirname, '../dist/cli/main.js');
if (!existsSync(cli)) {
  console.error('dist/cli/main.js not found: run `npm run build` first');
  process.exit(2);
}

const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'aigis-bench-hash-'));
const chunk = randomFillSync(Buffer.alloc(16 << 20));

function writeFile(path, bytes) {
  const fd = openSync(path, 'w');
  for (let left = bytes; left > 0; left -= chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, left));
  closeSync(fd);
}

function timed(cmd, argv) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.slice(0, 3).join(' ')} failed: ${r.stderr}`);
  return s;
}

function warm(paths) {
  for (const p of paths) readFileSync(p); // into the page cache
}

const total = sizeMiB * (1 << 20);
const big = join(dir, 'big.bin');
const many = join(dir, 'many');
mkdirSync(many);
console.log(`writing ${sizeMiB} MiB as one file and as ${nFiles} files under ${dir} …`);
writeFile(big, total);
const manyFiles = Array.from({ length: nFiles }, (_, i) => join(many, `shard-${String(i).padStart(4, '0')}.bin`));
for (const f of manyFiles) writeFile(f, Math.floor(total / nFiles));

const rows = [];
function compare(label, paths, aigisArgs) {
  warm(paths);
  // best of two runs each, interleaved, to damp noise from other processes
  const o = Math.min(timed('openssl', ['dgst', '-sha256', ...paths]), timed('openssl', ['dgst', '-sha256', ...paths]));
  const a = Math.min(timed(process.execPath, [cli, 'hash', '-q', ...aigisArgs]), timed(process.execPath, [cli, 'hash', '-q', ...aigisArgs]));
  const mib = sizeMiB;
  rows.push({ label, opensslMiBs: mib / o, aigisMiBs: mib / a, ratio: o / a, opensslS: o, aigisS: a });
}

try {
  compare('1 file', [big], [big]);
  compare(`${nFiles} files`, manyFiles, [many]);
  console.log(`\ncores: ${availableParallelism()}, data: ${sizeMiB} MiB per case (page cache), best of 2`);
  console.log('case        openssl MiB/s   aigis MiB/s   aigis/openssl');
  for (const r of rows) {
    console.log(`${r.label.padEnd(12)}${r.opensslMiBs.toFixed(0).padStart(12)}${r.aigisMiBs.toFixed(0).padStart(14)}${r.ratio.toFixed(2).padStart(15)}x`);
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
