#!/usr/bin/env node
/**
 * Benchmark: `aigis bom` against cdxgen (@cyclonedx/cdxgen) on the same project trees, in the
 * same run. Prints wall time of each, the ratio, how many AI components each BOM holds, and which
 * of cdxgen's AI components aigis does not have (goal: ≥3× faster and a superset).
 *
 *   npm run build && node bench/bom.mjs [--runs N] [TREE ...]
 *
 * Trees default to the assembled test projects (test/bom/projects/*) and examples/ai-lab.
 * cdxgen is NOT a project dependency: the script uses $CDXGEN_BIN, or
 * $TMPDIR/aigis-bench-cdxgen/node_modules/.bin/cdxgen, and installs it there with
 * `npm install --prefix` when missing (the only network use; the runs themselves are offline:
 * `--no-install-deps`, FETCH_LICENSE=false, no recursion into registries).
 *
 * "AI component" is decided the same way for both BOMs: a machine-learning-model or data
 * component, a container/service that aigis marks as AI, or a library whose name is in the
 * aigis AI package table (applied to cdxgen's libraries too, since cdxgen does not label AI).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
if (!existsSync(CLI)) {
  console.error('dist/ not found: run `npm run build` first');
  process.exit(2);
}
const { aiCategoryOf } = await import(join(ROOT, 'dist', 'discovery', 'package-class.js'));

const args = process.argv.slice(2);
let runs = 1;
const trees = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]) || 1);
  else trees.push(resolve(args[i]));
}
if (!trees.length) {
  const projects = join(ROOT, 'test', 'bom', 'projects');
  for (const p of readdirSync(projects)) trees.push(join(projects, p));
  trees.push(join(ROOT, 'examples', 'ai-lab'));
}

const cdxgen = findCdxgen();
const work = mkdtempSync(join(tmpdir(), 'aigis-bom-bench-'));
const env = { ...process.env, FETCH_LICENSE: 'false', CDXGEN_NO_BANNER: 'true', CDXGEN_DEBUG_MODE: '', NODE_NO_WARNINGS: '1' };

const rows = [];
let totalA = 0;
let totalC = 0;
for (const [i, tree] of trees.entries()) {
  const outA = join(work, `aigis-${i}.json`);
  const outC = join(work, `cdxgen-${i}.json`);
  const a = time(() => spawnSync(process.execPath, [CLI, 'bom', tree, '-q', '--format', 'cyclonedx', '-o', outA], { encoding: 'utf8' }));
  const c = cdxgen ? time(() => spawnSync(cdxgen, ['-r', '--no-install-deps', '-o', outC, tree], { encoding: 'utf8', env, timeout: 600_000 })) : undefined;
  totalA += a.ms;
  if (c) totalC += c.ms;
  const aiA = aiComponents(readJson(outA));
  const aiC = c ? aiComponents(readJson(outC)) : new Map();
  const missing = [...aiC.keys()].filter((k) => !aiA.has(k));
  rows.push({ tree: tree.replace(`${ROOT}/`, ''), aMs: a.ms, cMs: c?.ms, aAi: aiA.size, cAi: c ? aiC.size : undefined, missing, cErr: c && c.status !== 0 ? c.stderr : undefined });
}

console.log(`aigis bom vs cdxgen${cdxgen ? ` (${cdxgenVersion(cdxgen)})` : ' (not available)'} — best of ${runs} run(s) each, same machine, same run\n`);
console.log(['tree', 'aigis ms', 'cdxgen ms', 'ratio', 'AI comps aigis', 'AI comps cdxgen', 'cdxgen AI not in aigis'].join(' | '));
for (const r of rows) {
  console.log([r.tree, r.aMs, r.cMs ?? '-', r.cMs ? `${(r.cMs / r.aMs).toFixed(1)}×` : '-', r.aAi, r.cAi ?? '-', r.missing.length ? r.missing.join(', ') : 'none'].join(' | '));
  if (r.cErr) console.log(`   cdxgen failed: ${r.cErr.split('\n').slice(-3).join(' ')}`);
}
if (cdxgen) console.log(`\ntotal: aigis ${totalA} ms, cdxgen ${totalC} ms, ratio ${(totalC / totalA).toFixed(1)}× (goal ≥ 3×)`);
const superset = rows.every((r) => r.missing.length === 0);
console.log(`superset of cdxgen's AI components: ${superset ? 'yes' : 'no'}`);
rmSync(work, { recursive: true, force: true });

function time(fn) {
  let best;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = fn();
    const ms = Math.round(performance.now() - t0);
    if (!best || ms < best.ms) best = { ms, status: r.status, stderr: r.stderr ?? '' };
  }
  return best;
}

function readJson(p) {
  try {
    return JSON.parse(readFileSync(p, 'utf8'));
  } catch {
    return { components: [], services: [] };
  }
}

/** Key → description of the AI components of a CycloneDX BOM (packages keyed by ecosystem:name so both tools compare). */
function aiComponents(bom) {
  const out = new Map();
  const walk = (list) => {
    for (const c of list ?? []) {
      const purl = typeof c.purl === 'string' ? c.purl : '';
      const m = /^pkg:(pypi|npm)\/(.+?)(?:@[^?#]*)?(?:[?#].*)?$/.exec(purl);
      if (m) {
        const name = decodeURIComponent(m[2]);
        const key = `${m[1]}:${m[1] === 'pypi' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name}`;
        if (aiCategoryOf(m[1], name)) out.set(key, c.name);
      } else if (c.type === 'machine-learning-model' || c.type === 'data') {
        out.set(purl || `${c.type}:${c.name}`, c.name);
      } else if ((c.properties ?? []).some((p) => p.name === 'aigis:kind')) {
        out.set(c['bom-ref'] ?? c.name, c.name);
      }
      walk(c.components);
    }
  };
  walk(bom.components);
  for (const s of bom.services ?? []) out.set(s['bom-ref'] ?? s.name, s.name);
  return out;
}

function findCdxgen() {
  if (process.env.CDXGEN_BIN && existsSync(process.env.CDXGEN_BIN)) return process.env.CDXGEN_BIN;
  const dir = join(tmpdir(), 'aigis-bench-cdxgen');
  const bin = join(dir, 'node_modules', '.bin', 'cdxgen');
  if (existsSync(bin)) return bin;
  console.error(`installing @cyclonedx/cdxgen into ${dir} (outside the project; needs the npm registry once)…`);
  const r = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '@cyclonedx/cdxgen'], { encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(bin)) {
    console.error(`cdxgen could not be installed: ${(r.stderr || '').split('\n').slice(-3).join(' ')}`);
    return undefined;
  }
  return bin;
}

function cdxgenVersion(bin) {
  try {
    return `cdxgen ${JSON.parse(readFileSync(join(dirname(bin), '..', '@cyclonedx', 'cdxgen', 'package.json'), 'utf8')).version}`;
  } catch {
    return 'cdxgen';
  }
}
