#!/usr/bin/env node
/**
 * Held-out style discovery check (issue 13): recall and precision of `aigis bom` against hand labels.
 * Takes a directory holding one sub-directory per labelled repository and a `labels.json` (format
 * documented in its `$comment`; the bundled bench/recall-sample is an example), runs the built CLI's
 * `aigis bom <repo> --format json` on each repository, and prints per repository and in total:
 *
 *   recall    = labelled AI components found / labelled AI components
 *   precision = labelled AI components found / (found + `notAi` labels reported as AI)
 *
 * An asset is "reported as AI" when its kind is scored and it is not a package, or it is a package
 * the catalogue marks as AI (`aiCategory`). AI assets that match no label are listed for review but
 * do not count against precision (labels may be incomplete; a `notAi` label is a decision).
 *
 *   npm ci && npm run build && node bench/discovery-recall.mjs [DIR] [--json] [--verbose]
 *
 * DIR defaults to bench/recall-sample. Exit code 0 always: this measures, it does not gate.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, 'bench', 'recall-sample'));
const asJson = args.includes('--json');
const verbose = args.includes('--verbose');
const cli = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(cli)) {
  console.error('dist/cli/main.js is missing: run `npm run build` first');
  process.exit(2);
}
const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
const kinds = new Set(labels.kinds ?? []);

/** Values an asset answers to: id, name, package name without version, image without tag. */
function keys(a) {
  const out = new Set([a.id, a.name]);
  const purl = /^pkg:[a-z]+\/(.+?)(?:@[^/]*)?(?:\?.*)?$/.exec(a.id);
  if (a.kind === 'package' && purl) out.add(decodeURIComponent(purl[1]));
  if (a.kind === 'container-image') out.add(a.name.replace(/:[^/:]+$/, '').replace(/@sha256:.*$/, ''));
  return out;
}

function matches(label, a) {
  const i = label.indexOf(':');
  const kind = label.slice(0, i);
  const value = label.slice(i + 1);
  if (a.kind !== kind) return false;
  const k = keys(a);
  return k.has(value) || (kind === 'package' && [...k].some((x) => x.toLowerCase().replace(/[-_.]+/g, '-') === value.toLowerCase().replace(/[-_.]+/g, '-')));
}

const isAi = (a) => kinds.has(a.kind) && (a.kind !== 'package' || a.properties?.aiCategory !== undefined);

const rows = [];
let total = { labelled: 0, found: 0, falseAi: 0 };
for (const [repo, l] of Object.entries(labels.repos)) {
  const r = spawnSync(process.execPath, [cli, 'bom', join(dir, repo), '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0 && !r.stdout) {
    console.error(`${repo}: aigis bom failed (${r.status}): ${r.stderr.slice(0, 500)}`);
    continue;
  }
  const assets = JSON.parse(r.stdout).assets;
  const missed = l.ai.filter((lab) => !assets.some((a) => matches(lab, a)));
  const falseAi = (l.notAi ?? []).filter((lab) => assets.some((a) => isAi(a) && matches(lab, a)));
  const unlabelled = assets.filter((a) => isAi(a) && ![...l.ai, ...(l.notAi ?? [])].some((lab) => matches(lab, a))).map((a) => `${a.kind}:${a.id}`);
  const found = l.ai.length - missed.length;
  rows.push({ repo, labelled: l.ai.length, found, missed, falseAi, unlabelled });
  total = { labelled: total.labelled + l.ai.length, found: total.found + found, falseAi: total.falseAi + falseAi.length };
}

const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
if (asJson) {
  console.log(JSON.stringify({ repos: rows, total: { ...total, recall: total.found / total.labelled, precision: total.found / (total.found + total.falseAi) } }, null, 2));
} else {
  for (const r of rows) {
    console.log(`${r.repo.padEnd(24)} recall ${pct(r.found, r.labelled).padStart(6)} (${r.found}/${r.labelled})  precision ${pct(r.found, r.found + r.falseAi.length).padStart(6)}`);
    for (const m of r.missed) console.log(`    missed:      ${m}`);
    for (const f of r.falseAi) console.log(`    non-AI as AI: ${f}`);
    if (verbose) for (const u of r.unlabelled) console.log(`    unlabelled:  ${u}`);
  }
  console.log(`${'TOTAL'.padEnd(24)} recall ${pct(total.found, total.labelled).padStart(6)} (${total.found}/${total.labelled})  precision ${pct(total.found, total.found + total.falseAi).padStart(6)}  (${rows.length} repositories)`);
}
