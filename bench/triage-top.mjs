#!/usr/bin/env node
/**
 * Held-out check of `aigis triage` (issue 19, "Done when"): on scenario repositories with one planted
 * attack path each, is the top item of the deterministic triage that path?
 *
 *   npm run build && node bench/triage-top.mjs [DIR] [--json]
 *
 * DIR holds one sub-directory per scenario and a `labels.json` (format in its `$comment`; the bundled
 * bench/triage-sample is an example, written by the engineer who built the triage, so its figure is a
 * smoke test, not a held-out one). Each scenario is scanned with the built CLI
 * (`aigis scan DIR/<name> --format json`), the report is read back as `aigis triage` reads it, and the
 * first ranked item is compared with the label: an attack path of the labelled rule whose entry step
 * is in the labelled file and whose target asset matches. Prints, per scenario, the top item and where
 * the planted path ranked, then top-1 hits / scenarios. Exit code 0 always: this measures, it does not gate.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, 'bench', 'triage-sample'));
const asJson = args.includes('--json');
const cli = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(cli)) {
  console.error('dist/cli/main.js is missing: run `npm run build` first');
  process.exit(2);
}
const imp = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const [{ readReport }, { rank }] = await Promise.all([imp('cli/commands/explain.js'), imp('analyst/rank.js')]);
const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));

/** Does a ranked item stand for the planted path? */
function isPlanted(item, label) {
  return item.kind === 'path' && [item.path, ...(item.similar ?? [])].some((p) => pathIs(p, label));
}

function pathIs(p, label) {
  if (p.ruleId !== label.ruleId) return false;
  const entry = p.steps.find((s) => s.role === 'entry');
  if (label.entryFile && entry?.location?.path !== label.entryFile) return false;
  if (label.target) {
    const t = p.steps.find((s) => s.role === 'target');
    const needle = label.target.toLowerCase();
    if (!p.target.assetId.toLowerCase().includes(needle) && !(t?.assetName ?? '').toLowerCase().includes(needle)) return false;
  }
  return true;
}

const describe = (item) => (item ? (item.kind === 'path' ? `${item.path.ruleId} ${item.path.id} (score ${item.path.score})` : `${item.ruleId} (no path)`) : 'nothing');

const tmp = mkdtempSync(join(tmpdir(), 'aigis-triage-top-'));
const rows = [];
try {
  for (const [name, label] of Object.entries(labels.scenarios).sort(([a], [b]) => a.localeCompare(b))) {
    const out = join(tmp, `${name}.json`);
    const r = spawnSync(process.execPath, [cli, 'scan', join(dir, name), '--format', 'json', '--output', out, '--quiet'], { encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) {
      rows.push({ name, error: (r.stderr || `exit ${r.status}`).trim().split('\n')[0] });
      continue;
    }
    const items = rank(readReport(out));
    const at = items.findIndex((i) => isPlanted(i, label));
    rows.push({ name, top1: at === 0, plantedRank: at < 0 ? null : at + 1, top: describe(items[0]), paths: items.filter((i) => i.kind === 'path').length });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const hits = rows.filter((r) => r.top1).length;
if (asJson) {
  console.log(JSON.stringify({ dir, scenarios: rows.length, top1: hits, rows }, null, 2));
} else {
  for (const r of rows) {
    if (r.error) console.log(`${r.name}: scan failed: ${r.error}`);
    else console.log(`${r.name}: ${r.top1 ? 'HIT ' : 'MISS'} top item ${r.top}; planted path ranked ${r.plantedRank ?? 'nowhere'} of ${r.paths} path item(s)`);
  }
  console.log(`top-1: ${hits}/${rows.length} scenario(s) have the planted path as the first triage item (${dir})`);
}
