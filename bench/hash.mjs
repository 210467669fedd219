#!/usr/bin/env node
/**
 * Benchmark: `aigis hash` against `openssl dgst -sha256` on the same data in the same run.
 *   npm run build && node bench/hash.mjs [--size-mib 2048] [--files 64] [--runs 2] [--keep]
 * Two data sets of the same total size: one big file, and many files. Both tools read from the page
 * cache (the data is read once before timing), so the figures compare hashing, not the disk.
 * openssl hashes files one after another on one core; aigis hashes on its main thread and one worker
 * thread per further core, each taking the next file (largest first).
 */
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const sizeMiB = opt('--size-mib', 2048);
const nFiles = opt('--files', 64);
const nRuns = opt('--runs', 2);
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

// CPU time (user + sys) is reported too when /usr/bin/time exists: on a shared, loaded machine it
// compares the tools' per-core efficiency better than wall time does.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function timed(cmd, argv) {
  const t = process.hrtime.bigint();
  const r = TIME
    ? spawnSync(TIME, ['-f', 'CPU %U %S', cmd, ...argv], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, encoding: 'utf8' })
    : spawnSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.slice(0, 3).join(' ')} failed: ${r.stderr}`);
  const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : NaN };
}

const best = (runs) => ({ wall: Math.min(...runs.map((r) => r.wall)), cpu: Math.min(...runs.map((r) => r.cpu)) });

function warm(paths) {
  const buf = Buffer.allocUnsafe(16 << 20);
  for (const p of paths) {
    const fd = openSync(p, 'r'); // read once into the page cache
    while (readSync(fd, buf, 0, buf.length, null) > 0);
    closeSync(fd);
  }
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
const LIB_SCRIPT = `const { buildManifest } = await import(${JSON.stringify(resolve(import.meta.dirname, '../dist/integrity/build.js'))});
const r = await buildManifest(process.argv.slice(1));
process.stdout.write(String(r.manifest.entries.length));`;
function compare(label, paths, aigisArgs) {
  warm(paths);
  // best of nRuns runs each, interleaved, to damp noise from other processes
  const runs = { o: [], a: [], l: [] };
  for (let i = 0; i < nRuns; i++) {
    runs.o.push(timed('openssl', ['dgst', '-sha256', ...paths]));
    runs.a.push(timed(process.execPath, [cli, 'hash', '-q', ...aigisArgs]));
    // The same hashing code without the CLI's start-up (which loads every analyzer): what the
    // integrity module itself costs.
    runs.l.push(timed(process.execPath, ['--input-type=module', '-e', LIB_SCRIPT, ...aigisArgs]));
  }
  rows.push({ label: `${label}`, o: best(runs.o), a: best(runs.a) });
  rows.push({ label: `${label} (lib)`, o: best(runs.o), a: best(runs.l) });
}

try {
  compare('1 file', [big], [big]);
  compare(`${nFiles} files`, manyFiles, [many]);
  console.log(`\ncores: ${availableParallelism()}, data: ${sizeMiB} MiB per case (page cache), best of ${nRuns}`);
  console.log('case            openssl MiB/s   aigis MiB/s   time ratio   openssl CPU s   aigis CPU s   CPU ratio');
  for (const { label, o, a } of rows) {
    console.log(
      `${label.padEnd(16)}${(sizeMiB / o.wall).toFixed(0).padStart(13)}${(sizeMiB / a.wall).toFixed(0).padStart(14)}${(a.wall / o.wall).toFixed(2).padStart(12)}x` +
        `${o.cpu.toFixed(2).padStart(16)}${a.cpu.toFixed(2).padStart(14)}${(a.cpu / o.cpu).toFixed(2).padStart(11)}x`,
    );
  }
  console.log('time ratio = aigis wall time / openssl wall time; CPU ratio = aigis CPU / openssl CPU (below 1: aigis faster / cheaper)');
  console.log(`goal (issue 15): ${nFiles} files at most 0.6x openssl's time with every core free; one file about 1x (SHA-256 of one file is sequential)`);
  console.log(`load average: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
