#!/usr/bin/env node
/**
 * Model scanning against picklescan (issue 15): the same inputs, in the same run, interleaved.
 *
 *   npm run build && node bench/picklescan.mjs [--picklescan DIR] [--runs 3] [--gib 2] [--pickles 1000]
 *
 * Inputs: (1) picklescan's own test corpus, bundled at test/fixtures/corpora/picklescan (MIT, see
 * NOTICE); (2) 1,000 small pickles, copies of that corpus's .pkl/.pickle files under new names;
 * (3) a ~2 GiB torch zip checkpoint (bench/lib/checkpoint.mjs) with a malicious data.pkl.
 *
 * Peer: picklescan run from its source with /usr/bin/python3, as picklescan's own tests run it:
 * `--picklescan DIR` (or PICKLESCAN_SRC) names a checkout — DIR/src/picklescan or DIR/picklescan —
 * else an installed `picklescan` module is used. Neither is bundled here (PyPI is not reachable from
 * the development machine); without one the bench prints aigis's figures alone and says so. The
 * driver calls picklescan's `scan_file_path` on every file its directory walk would pick (same
 * extension filter), catching per-file errors (its CLI would stop at the first, e.g. the PNG named
 * .pt in its corpus).
 *
 * aigis runs twice per input: `aigis scan DIR --scanners model` (model scanning, the like-for-like
 * comparison; inventory still runs) and the full `aigis scan DIR`. Each command runs under
 * /usr/bin/time; the table gives the median wall and CPU (user+sys) time and the peak RSS, and the
 * ratio aigis ÷ picklescan (below 1 = aigis faster). On a loaded machine read the CPU columns.
 * Goals: model scanning at least as fast as picklescan on each input; peak RSS under 100 MB.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCheckpoint } from './lib/checkpoint.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist/cli/main.js');
const CORPUS = join(ROOT, 'test/fixtures/corpora/picklescan');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const runs = Number(arg('runs', 3));
const gib = Number(arg('gib', 2));
const nPickles = Number(arg('pickles', 1000));

if (!existsSync(CLI)) {
  console.error('dist/cli/main.js not found: run `npm run build` first');
  process.exit(2);
}

const DRIVER = `
import logging, os, sys
from picklescan.scanner import scan_file_path, ScanResult, _zip_file_extensions, _pickle_file_extensions, _pytorch_file_extensions
logging.getLogger("picklescan").setLevel(logging.CRITICAL)
total = ScanResult([])
errors = 0
for base, _, names in os.walk(sys.argv[1]):
    for n in sorted(names):
        ext = os.path.splitext(n)[1]
        if ext not in _zip_file_extensions and ext not in _pickle_file_extensions and ext not in _pytorch_file_extensions:
            continue
        try:
            total.merge(scan_file_path(os.path.join(base, n)))
        except Exception:
            errors += 1
print(f"{total.scanned_files} files scanned, {total.infected_files} infected, {errors} errors")
`;

/** PYTHONPATH for picklescan's source, '' for an installed module, undefined when there is none. */
function findPicklescan() {
  const dir = arg('picklescan', process.env.PICKLESCAN_SRC);
  if (dir) {
    for (const p of [join(dir, 'src'), dir]) if (existsSync(join(p, 'picklescan', 'scanner.py'))) return resolve(p);
    console.error(`--picklescan ${dir}: no picklescan/scanner.py under it (or under src/)`);
    process.exit(2);
  }
  return spawnSync(PYTHON, ['-c', 'import picklescan.scanner']).status === 0 ? '' : undefined;
}

function timed(cmd, args, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '@@ %U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /@@ ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr ?? '');
  if (!m) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr?.slice(-400)}`);
  return { wall, cpu: (Number(m[1]) + Number(m[2])) * 1000, rss: Number(m[3]) / 1024, out: r.stdout };
}

const median = (l) => [...l].sort((a, b) => a - b)[Math.floor(l.length / 2)];

function aigisSummary(out) {
  try {
    const r = JSON.parse(out);
    const model = r.findings.filter((f) => f.ruleId.startsWith('model/'));
    return `${new Set(model.map((f) => f.location.path)).size} files with model findings`;
  } catch {
    return 'no JSON';
  }
}

const py = findPicklescan();
const work = mkdtempSync(join(tmpdir(), 'aigis-bench-picklescan-'));
try {
  const inputs = [];
  inputs.push({ name: 'picklescan corpus', dir: CORPUS });

  const small = join(work, 'pickles');
  mkdirSync(small);
  const seeds = readdirSync(CORPUS).filter((f) => /\.(pkl|pickle)$/.test(f)).sort();
  for (let i = 0; i < nPickles; i++) {
    const src = seeds[i % seeds.length];
    copyFileSync(join(CORPUS, src), join(small, `p${String(i).padStart(5, '0')}${src.endsWith('.pickle') ? '.pickle' : '.pkl'}`));
  }
  inputs.push({ name: `${nPickles} small pickles`, dir: small });

  if (gib > 0) {
    const big = join(work, 'checkpoint');
    mkdirSync(big);
    await writeCheckpoint(join(big, 'model.pt'), Math.round(gib * 1024 ** 3));
    inputs.push({ name: `${gib} GiB checkpoint`, dir: big });
  }

  const driver = join(work, 'driver.py');
  writeFileSync(driver, DRIVER);
  console.log(`node ${process.version}; peer: ${py === undefined ? 'picklescan NOT available (pass --picklescan DIR): aigis figures only' : `picklescan via ${PYTHON}${py ? ` from ${py}` : ' (installed module)'}`}`);
  console.log(`${runs} interleaved runs, medians; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('input                    | tool                       | wall ms | cpu ms | peak RSS MB | cpu ratio | wall ratio | result');
  for (const input of inputs) {
    const s = { peer: [], model: [], full: [] };
    for (let r = 0; r < runs; r++) {
      if (py !== undefined) s.peer.push(timed(PYTHON, [driver, input.dir], py ? { PYTHONPATH: py } : {}));
      s.model.push(timed(process.execPath, [CLI, 'scan', input.dir, '--format', 'json', '--scanners', 'model']));
      s.full.push(timed(process.execPath, [CLI, 'scan', input.dir, '--format', 'json']));
    }
    const med = (l) => ({ wall: median(l.map((x) => x.wall)), cpu: median(l.map((x) => x.cpu)), rss: Math.max(...l.map((x) => x.rss)), out: l[0].out });
    const peer = s.peer.length ? med(s.peer) : undefined;
    const row = (tool, m, result) =>
      console.log(
        [input.name.padEnd(24), tool.padEnd(26), m.wall.toFixed(0).padStart(7), m.cpu.toFixed(0).padStart(6), m.rss.toFixed(0).padStart(11),
          (peer ? `${(m.cpu / peer.cpu).toFixed(2)}x` : '-').padStart(9), (peer ? `${(m.wall / peer.wall).toFixed(2)}x` : '-').padStart(10), result].join(' | '),
      );
    if (peer) row('picklescan (python3)', peer, peer.out.trim());
    row('aigis scan --scanners model', med(s.model), aigisSummary(s.model[0].out));
    row('aigis scan (everything)', med(s.full), aigisSummary(s.full[0].out));
  }
  console.log('ratios: aigis ÷ picklescan (below 1 = aigis faster); goal: model scanning ≤ 1x on each input, peak RSS < 100 MB');
} finally {
  rmSync(work, { recursive: true, force: true });
}
