#!/usr/bin/env node
/**
 * Held-out measure: aigis posture rules against peer tools' labelled fixtures.
 *
 *   npm run build && node bench/posture-peers.mjs [peer-checkout …] [--details]
 *
 * With no argument it runs over bench/peers/sample (OUR small sample written in Checkov's fixture
 * layout, not Checkov's files; see its README). Give it a Checkov checkout (`git clone
 * https://github.com/bridgecrewio/checkov`) to measure on the peer's own fixtures: it reads
 * tests/{terraform,cloudformation}/checks/resource/<provider>/example_<Check>/ with the labels of
 * test_<Check>.py and the check id of checkov/…/<Check>.py (see bench/peers/lib.mjs).
 *
 * Prints, per aigis rule with a peer alias: the share of resources the peer labels failing that aigis
 * flags at that resource (goal ≥ 90%), and the share labelled passing that draw a finding of the rule
 * (goal ≤ 5%); known peer errors (aigis must flag them), deliberate divergences and resources outside
 * the rule's AI scope are counted apart.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inlineCases, measure, totals, writeInlineCases } from './peers/lib.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
if (!existsSync(join(DIST, 'index.js'))) {
  console.error('dist/ not found: run `npm run build` first');
  process.exit(2);
}
const { scan } = await import(join(DIST, 'index.js'));
const { analyzers } = await import(join(DIST, 'analyzers', 'index.js'));
const rules = analyzers.flatMap((a) => a.rules ?? []).filter((r) => r.aliases?.length);

const args = process.argv.slice(2);
const details = args.includes('--details');
const roots = args.filter((a) => !a.startsWith('--'));
if (!roots.length) roots.push(join(ROOT, 'bench', 'peers', 'sample'));

const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
const scanDir = async (dir) => (await scan(dir, { cwd: dir })).findings;
const cpu0 = process.cpuUsage();
let all = [];
const temps = [];
for (const given of [...roots]) {
  // Inline fixtures of older Checkov tests (hcl2.loads in the test) are written out and measured too.
  const cases = inlineCases(resolve(given));
  if (cases.length) {
    const tmp = mkdtempSync(join(tmpdir(), 'aigis-peers-inline-'));
    temps.push(tmp);
    writeInlineCases(cases, tmp, (file, text) => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    });
    roots.push(tmp);
  }
}
for (const root of roots) {
  const { rows, details: d } = await measure(resolve(root), rules, scanDir);
  console.log(`\n${root}`);
  console.log(['aigis rule'.padEnd(40), 'peer id'.padEnd(12), 'fail→flagged'.padStart(16), 'pass→flagged'.padStart(16), 'peer wrong→flagged'.padStart(20), 'divergent', 'out of scope'].join('  '));
  for (const r of rows) {
    console.log([r.rule.padEnd(40), r.check.padEnd(12), `${r.failFlagged}/${r.fail} ${pct(r.failFlagged, r.fail)}`.padStart(16), `${r.passFlagged}/${r.pass} ${pct(r.passFlagged, r.pass)}`.padStart(16), `${r.peerWrongFlagged}/${r.peerWrong}`.padStart(20), String(r.divergent).padStart(9), String(r.outOfScope).padStart(12)].join('  '));
  }
  const t = totals(rows);
  console.log(`total: failing flagged ${t.failFlagged}/${t.fail} = ${pct(t.failFlagged, t.fail)} (goal ≥ 90%); passing flagged ${t.passFlagged}/${t.pass} = ${pct(t.passFlagged, t.pass)} (goal ≤ 5%); peer errors flagged ${t.peerWrongFlagged}/${t.peerWrong}`);
  if (details) for (const x of d) if ((x.bucket === 'fail' && !x.flagged) || (x.bucket === 'pass' && x.flagged)) console.log(`  miss: ${x.rule} ${x.check} ${x.fixture}/${x.file}:${x.line} ${x.resource} labelled ${x.label}, ${x.flagged ? 'flagged' : 'not flagged'}`);
  all = all.concat(rows);
}
for (const t of temps) rmSync(t, { recursive: true, force: true });
const t = totals(all);
console.log(`\nall roots: failing flagged ${t.failFlagged}/${t.fail} = ${pct(t.failFlagged, t.fail)}; passing flagged ${t.passFlagged}/${t.pass} = ${pct(t.passFlagged, t.pass)}; peer errors flagged ${t.peerWrongFlagged}/${t.peerWrong}`);
const cpu = process.cpuUsage(cpu0);
console.log(`\nCPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms for ${roots.length} root(s)`);
