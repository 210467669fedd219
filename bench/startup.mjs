#!/usr/bin/env node
/**
 * Start-up: `aigis --version` against `node -e 0` (the peer: the runtime's own floor) and `aigis scan`
 * of an empty directory, interleaved, in the same run. Prints the median wall and CPU (user+sys) time
 * of each and the ratios, and the JavaScript files each aigis case opens (count and KB, from Node's
 * NODE_DEBUG=esm log of a separate, untimed run). Goals (issue 15): --version ≤ 1.5× node -e 0;
 * empty scan < 150 ms.
 *
 *   npm run build && node bench/startup.mjs [--runs 15] [--baseline OTHER/dist/cli/main.js]
 *
 * --baseline adds the same two cases for another build of the CLI (say, a copy of dist/, data/ and
 * package.json from another commit) to the same interleaved runs, for a before/after comparison.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli/main.js');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg('--runs') ?? 15);
const baseline = arg('--baseline');
const empty = mkdtempSync(join(tmpdir(), 'aigis-empty-'));

const aigisCases = (label, main) => ({
  [`${label} --version`]: [process.execPath, [main, '--version']],
  [`${label} scan <empty dir>`]: [process.execPath, [main, 'scan', empty, '--format', 'json']],
});
const cases = {
  'node -e 0': [process.execPath, ['-e', '0']],
  ...aigisCases('aigis', cli),
  ...(baseline ? aigisCases('baseline', resolve(baseline)) : {}),
};

/** The module files a run loads: Node logs "Storing file:///… in ModuleLoadMap" once per module under NODE_DEBUG=esm. */
function opened(cmd, args) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'esm' } });
  const files = [...res.stderr.matchAll(/Storing (file:\/\/\S+) .*in ModuleLoadMap/g)].map((m) => fileURLToPath(m[1]));
  return { count: files.length, kb: files.reduce((n, f) => n + statSync(f).size, 0) / 1024 };
}

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
const files = Object.fromEntries(Object.entries(cases).filter(([name]) => name !== 'node -e 0').map(([name, [cmd, args]]) => [name, opened(cmd, args)]));
rmSync(empty, { recursive: true, force: true });
const median = (l) => [...l].sort((a, b) => a - b)[Math.floor(l.length / 2)];
const base = samples['node -e 0'];
console.log(`node ${process.version}, ${runs} interleaved runs, medians`);
console.log('case                        wall ms   cpu ms   wall ratio   cpu ratio (vs node -e 0)   JS files opened');
for (const [name, s] of Object.entries(samples)) {
  const f = files[name] ? `${String(files[name].count).padStart(5)} (${files[name].kb.toFixed(0)} KB)` : '';
  console.log(`${name.padEnd(27)} ${median(s.wall).toFixed(0).padStart(7)} ${median(s.cpu).toFixed(0).padStart(8)} ${(median(s.wall) / median(base.wall)).toFixed(2).padStart(12)} ${(median(s.cpu) / median(base.cpu)).toFixed(2).padStart(11)}   ${f.padStart(26)}`);
}
console.log('goals: --version ≤ 1.5× node -e 0; empty scan < 150 ms (CPU time is the fairer figure on a loaded machine; /usr/bin/time has 10 ms resolution)');
