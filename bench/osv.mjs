#!/usr/bin/env node
/**
 * Benchmarks of the advisory database and matching, against the compiled CLI (run `npm run build` first):
 *
 *   node bench/osv.mjs [RECORDS=5000] [PINS=400]
 *
 * 1. `aigis db import` of RECORDS OSV records (variants of the real records in the bundled snapshot's
 *    source, test/fixtures/osv, or of the snapshot itself): from a directory and from a zip.
 * 2. `aigis scan` of a generated project with PINS pinned AI packages (requirements.txt, poetry.lock,
 *    package.json), end to end (process start-up included) and in-process after start-up (pipeline
 *    with analyzers and the vulnerability enricher), against that imported database.
 * Prints times; nothing is asserted (timings are not test assertions).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const cli = join(root, 'dist/cli/main.js');
const N = Number(process.argv[2] ?? 5000);
const PINS = Number(process.argv[3] ?? 400);
const work = mkdtempSync(join(tmpdir(), 'aigis-bench-osv-'));
const cache = join(work, 'cache');

/**
 * Wall time, and CPU time of the child (user+sys from `getrusage(RUSAGE_CHILDREN)` deltas via
 * process.resourceUsage is not available for children, so the CLI is timed with bash's `times`).
 * On a loaded machine wall time inflates; CPU time is the steadier figure.
 */
function time(label, fn) {
  const t = process.hrtime.bigint();
  const out = fn();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(`${label.padEnd(62)} wall ${ms.toFixed(0).padStart(6)} ms${out?.cpuMs !== undefined ? `   cpu ${out.cpuMs.toFixed(0).padStart(6)} ms` : ''}`);
  return out;
}

function cliRun(args) {
  const quoted = [process.execPath, cli, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  // `times` prints the children's user and system time after the command.
  const r = spawnSync('bash', ['-c', `${quoted} > "$OUT" 2> "$ERR"; rc=$?; times; exit $rc`], {
    encoding: 'utf8', env: { ...process.env, AIGIS_CACHE_DIR: cache, OUT: join(work, 'stdout'), ERR: join(work, 'stderr') },
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`aigis ${args.join(' ')} failed (${r.status}): ${readFileSync(join(work, 'stderr'), 'utf8')}`);
  const lines = r.stdout.trim().split('\n');
  const child = lines[lines.length - 1].match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
  const cpuMs = child ? (Number(child[1]) * 60 + Number(child[2]) + Number(child[3]) * 60 + Number(child[4])) * 1000 : undefined;
  return { status: r.status, stdout: readFileSync(join(work, 'stdout'), 'utf8'), cpuMs };
}

function zip(files) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = Buffer.from(content), comp = deflateRawSync(data), nb = Buffer.from(name), crc = crc32(data);
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0); l.writeUInt16LE(20, 4); l.writeUInt16LE(8, 8); l.writeUInt32LE(crc, 14);
    l.writeUInt32LE(comp.length, 18); l.writeUInt32LE(data.length, 22); l.writeUInt16LE(nb.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(8, 10); c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(comp.length, 20); c.writeUInt32LE(data.length, 24); c.writeUInt16LE(nb.length, 28); c.writeUInt32LE(offset, 42);
    locals.push(l, nb, comp); centrals.push(c, nb);
    offset += 30 + nb.length + comp.length;
  }
  const cd = Buffer.concat(centrals), e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0); e.writeUInt16LE(files.length, 8); e.writeUInt16LE(files.length, 10); e.writeUInt32LE(cd.length, 12); e.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, e]);
}

// --- 1. records -------------------------------------------------------------------------------
// Seed records copied into the repository (CC-BY-4.0, credited in NOTICE); the bench reads nothing outside it.
const seedDir = resolve(root, 'test/fixtures/osv');
const seeds = existsSync(seedDir)
  ? readdirSync(seedDir).filter((n) => n.endsWith('.json')).map((n) => JSON.parse(readFileSync(join(seedDir, n), 'utf8')))
  : [];
if (seeds.length === 0) throw new Error(`no seed records in ${seedDir}`);
const recDir = join(work, 'records');
mkdirSync(recDir);
const files = [];
for (let i = 0; i < N; i++) {
  const r = structuredClone(seeds[i % seeds.length]);
  const gen = Math.floor(i / seeds.length);
  if (gen > 0) {
    // A distinct advisory (own id and aliases, so nothing merges) about a distinct package, so that
    // the database looks like a real export: many packages, a handful of advisories each.
    r.id = `${r.id}-B${gen}`;
    r.aliases = (r.aliases ?? []).map((a) => `${a}-B${gen}`);
    for (const a of r.affected ?? []) if (a.package) a.package = { ...a.package, name: `${a.package.name}-b${gen}`, purl: undefined };
  }
  files.push([`${r.id}.json`, JSON.stringify(r)]);
}
for (const [n, c] of files) writeFileSync(join(recDir, n), c);
const zipPath = join(work, 'all.zip');
writeFileSync(zipPath, zip(files));
console.log(`${N} OSV records (${seeds.length} real records and variants), ${PINS} pins; node ${process.version}`);
time(`db import --replace <directory of ${N} files>`, () => cliRun(['db', 'import', recDir, '--replace']));
time(`db import --replace <zip of ${N} records>`, () => cliRun(['db', 'import', zipPath, '--replace']));
time('db status', () => cliRun(['db', 'status']));

// --- 2. a project with a few hundred pins -------------------------------------------------------
const { effectiveRecords } = await import(join(root, 'dist/vuln/store.js'));
process.env.AIGIS_CACHE_DIR = cache;
const { records } = await effectiveRecords(cache);
const pypi = [], npm = [];
for (const r of records) {
  for (const a of r.affected) {
    for (const range of a.ranges) for (const ev of range.events) {
      const v = ev.introduced && ev.introduced !== '0' ? ev.introduced : ev.last_affected;
      if (v && /^[0-9][0-9.]*$/.test(v)) (a.ecosystem === 'PyPI' ? pypi : npm).push([a.name, v]);
    }
  }
}
const uniq = (list) => [...new Map(list.map(([n, v]) => [`${n}@${v}`, [n, v]])).values()];
const py = uniq(pypi), js = uniq(npm);
const project = join(work, 'project');
mkdirSync(project);
const reqLines = [], lockBlocks = [];
for (let i = 0; i < Math.floor(PINS * 0.6); i++) {
  const [n, v] = py[i % py.length];
  reqLines.push(`${n}==${v}${i >= py.length ? `.post${i}` : ''}`);
}
for (let i = 0; i < Math.floor(PINS * 0.3); i++) {
  const [n, v] = py[(i * 7) % py.length];
  lockBlocks.push(`[[package]]\nname = "${n}-lock${i}"\nversion = "${v}"\n`, `[[package]]\nname = "${n}"\nversion = "${v}"\n`);
}
const deps = {};
for (let i = 0; i < Math.max(1, PINS - reqLines.length - lockBlocks.length / 2); i++) {
  const [n, v] = js[i % Math.max(1, js.length)] ?? ['left-pad', '1.3.0'];
  deps[i < js.length ? n : `${n}-${i}`] = v;
}
writeFileSync(join(project, 'requirements.txt'), reqLines.join('\n') + '\n');
writeFileSync(join(project, 'poetry.lock'), lockBlocks.join('\n'));
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'bench', dependencies: deps }, null, 2));
const total = reqLines.length + lockBlocks.length + Object.keys(deps).length;

const scan = time(`aigis scan <${total} package entries> (process, incl. start-up)`, () => cliRun(['scan', project, '--format', 'json', '-q']));
const report = JSON.parse(scan.stdout);
time('aigis --version (start-up only)', () => cliRun(['--version']));

const { runPipeline } = await import(join(root, 'dist/pipeline/scan.js'));
const { openTarget } = await import(join(root, 'dist/targets/open-target.js'));
const { analyzers, enrichers } = await import(join(root, 'dist/analyzers/index.js'));
const { DEFAULT_SKIP_DIRS } = await import(join(root, 'dist/core/target.js'));
const inProcess = async () => {
  const target = await openTarget(project, { skipDirs: DEFAULT_SKIP_DIRS, skipFiles: [], readBudget: 64 << 20 });
  const t = process.hrtime.bigint();
  const res = await runPipeline(target, { analyzers, enrichers });
  return [Number(process.hrtime.bigint() - t) / 1e6, res];
};
const cpu0 = process.cpuUsage();
const [firstMs] = await inProcess();
const cpu1 = process.cpuUsage(cpu0);
const [warmMs, res] = await inProcess();
const cpu2 = process.cpuUsage(cpu0);
const ms = (u) => ((u.user + u.system) / 1000).toFixed(0).padStart(6);
console.log(`${'in-process pipeline, first run (loads the database)'.padEnd(62)} wall ${firstMs.toFixed(0).padStart(6)} ms   cpu ${ms(cpu1)} ms`);
console.log(`${'in-process pipeline, second run'.padEnd(62)} wall ${warmMs.toFixed(0).padStart(6)} ms   cpu ${((cpu2.user + cpu2.system - cpu1.user - cpu1.system) / 1000).toFixed(0).padStart(6)} ms`);
console.log(`findings: ${report.findings.length} (CLI), ${res.findings.length} (in-process); package assets: ${res.assets.filter((a) => a.kind === 'package').length}`);
if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
