#!/usr/bin/env node
/**
 * Many small files: `aigis scan` time must grow linearly with the file count and peak RSS stay under
 * 200 MiB at 100k files (issue 15). Builds (once, cached in the temp dir) trees of N small files — a
 * mix of Python, JavaScript, JSON, YAML, text and requirements files, a few with AI imports or a
 * planted fake key — and runs, in the same run and on the same tree, `aigis scan --format json` and
 * ripgrep (`rg -c` with one secret pattern, the "read every file once" peer). Prints wall and CPU
 * time of both, their ratio, aigis's peak RSS, and the time per 1,000 files (flat = linear).
 *
 *   npm run build && node bench/many-files.mjs [--counts 10000,100000] [--dir /tmp]
 *
 * Timings are never asserted; on a shared machine read the CPU columns.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const counts = arg('counts', '10000,100000').split(',').map(Number);
const base = arg('dir', tmpdir());

const KINDS = [
  ['py', (i) => `import os\n\ndef f${i}(x):\n    return os.path.join(x, "${i}")\n`],
  ['py', (i) => (i % 50 === 0 ? `from openai import OpenAI\nclient = OpenAI()\nprint(${i})\n` : `x = ${i}\n`)],
  ['js', (i) => `export const v${i} = ${i};\n`],
  ['json', (i) => `{"id": ${i}, "name": "item-${i}"}\n`],
  ['yaml', (i) => `name: item-${i}\nvalue: ${i}\n`],
  ['txt', (i) => (i % 997 === 0 ? `aws_access_key_id = AKIA${String(i).padStart(16, '7')}\n` : `line ${i}\n`)],
];

function build(n) {
  const dir = join(base, `aigis-bench-many-${n}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `d${Math.floor(i / 1000)}`, `e${Math.floor(i / 100) % 10}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    const [ext, body] = KINDS[i % KINDS.length];
    writeFileSync(join(sub, i % 5000 === 0 ? 'requirements.txt' : `f${i}.${ext}`), i % 5000 === 0 ? 'torch==2.0.0\nopenai>=1.0\n' : body(i));
  }
  writeFileSync(join(dir, '.complete'), '');
  return dir;
}

/** Runs a command under /usr/bin/time -v: wall ms, CPU ms, peak RSS MiB. */
function measure(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const num = (re) => Number((r.stderr.match(re) ?? [])[1] ?? NaN);
  const cpu = (num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/)) * 1000;
  return { wall, cpu, rssMiB: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024, status: r.status, out: r.stdout };
}

const hasRg = spawnSync('rg', ['--version']).status === 0;
console.log(`node ${process.version}; ${hasRg ? 'ripgrep present' : 'ripgrep missing: peer column empty'}`);
console.log('files    | aigis wall ms | aigis cpu ms | cpu ms/1k files | aigis peak RSS MiB | rg wall ms | rg cpu ms | cpu ratio aigis/rg | findings');
for (const n of counts) {
  const dir = build(n);
  const a = measure(process.execPath, [join(root, 'dist/cli/main.js'), 'scan', dir, '--format', 'json']);
  let findings = '?';
  try {
    findings = JSON.parse(a.out).findings.length;
  } catch {
    findings = `exit ${a.status}`;
  }
  const g = hasRg ? measure('rg', ['-c', '--hidden', 'AKIA[0-9A-Z]{16}', dir]) : undefined;
  console.log(
    [n, a.wall.toFixed(0), a.cpu.toFixed(0), ((a.cpu / n) * 1000).toFixed(1), a.rssMiB.toFixed(0), g?.wall.toFixed(0) ?? '-', g?.cpu.toFixed(0) ?? '-', g ? (a.cpu / g.cpu).toFixed(1) : '-', findings].join(' | '),
  );
}
console.log('goal: cpu ms/1k files flat across counts (linear), peak RSS < 200 MiB at 100k files');
