#!/usr/bin/env node
/**
 * Start-up: `aigis --version` against `node -e 0` (the peer: the runtime's own floor) and `aigis scan`
 * of an empty directory, interleaved, in the same run. Prints the median wall and CPU (user+sys) time
 * of each and the ratios. Goals (issue 15): --version ≤ 1.5× node -e 0; empty scan < 150 ms.
 *
 *   npm run build && node bench/startup.mjs [--runs 15]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli/main.js');
const i = process.argv.indexOf('--runs');
const runs = i > 0 ? Number(process.argv[i + 1]) : 15;
const empty = mkdtempSync(join(tmpdir(), 'aigis-empty-'));

const cases = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'aigis --version': [process.execPath, [cli, '--version']],
  'aigis scan <empty dir>': [process.execPath, [cli, 'scan', empty, '--format', 'json']],
};
const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, { wall: [], cpu: [] }]));
for (let r = 0; r < runs; r++) {
  for (const [name, [cmd, args]] of Object.entries(cases)) {
    const t0 = process.hrtime.bigint();
    const res = spawnSync('/usr/bin/time', ['-f', '%U %S', cmd, ...args], { encoding: 'utf8' });
    samples[name].wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const [u, s] = res.stderr.trim().split('\n').pop().split(' ').map(Number);
    samples[name].cpu.push((u + s) * 1000);
  }
}
rmSync(empty, { recursive: true, force: true });
const median = (l) => [...l].sort((a, b) => a - b)[Math.floor(l.length / 2)];
const base = samples['node -e 0'];
console.log(`node ${process.version}, ${runs} interleaved runs, medians`);
console.log('case                     wall ms   cpu ms   wall ratio   cpu ratio (vs node -e 0)');
for (const [name, s] of Object.entries(samples)) {
  console.log(`${name.padEnd(24)} ${median(s.wall).toFixed(0).padStart(7)} ${median(s.cpu).toFixed(0).padStart(8)} ${(median(s.wall) / median(base.wall)).toFixed(2).padStart(12)} ${(median(s.cpu) / median(base.cpu)).toFixed(2).padStart(11)}`);
}
console.log('goals: --version ≤ 1.5× node -e 0; empty scan < 150 ms (CPU time is the fairer figure on a loaded machine; /usr/bin/time has 10 ms resolution)');
