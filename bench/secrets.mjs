#!/usr/bin/env node
/**
 * Secrets benchmark: aigis vs ripgrep on the same generated tree, in the same run.
 *
 *   npm run build && node bench/secrets.mjs [--files 20000] [--mb 500] [--keys 300] [--dir /tmp/aigis-bench-secrets] [--skip-cli]
 *   npm run build && node bench/secrets.mjs --from-system [--files 20000] [--keys 300]
 *
 * `--from-system` builds the tree from real code instead: the installed Debian Python and Node
 * packages of this machine (/usr/lib/python3/dist-packages kept as an installed tree, the Python
 * standard library and /usr/lib/node_modules as plain source), copied as often as needed to reach
 * `--files`, with the keys planted into random text files.
 *
 * Generates (once, deterministic, cached by parameters) a tree of source, config and data files with a
 * few large files and planted fake keys, then times `aigis scan --format json` and `rg -P -f <patterns>`
 * with the regexes of the secrets catalogue (rg has no context, entropy or structure checks: it is the
 * lower bound of "read every byte and run the patterns"). Prints both times, the ratio and aigis's peak
 * RSS (from /usr/bin/time -v, or the child's resource usage when that is missing). Timings are not
 * asserted anywhere; run it on an idle machine.
 *
 * Three aigis figures: the full CLI (every analyzer, so it also measures the others; `--skip-cli`
 * leaves it out), the pipeline with the directory target and the secrets analyzer only, and the
 * secrets analyzer alone over files read with readFileSync.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const FILES = Number(args.files ?? 20000);
const TOTAL_MB = Number(args.mb ?? 500);
const KEYS = Number(args.keys ?? 300);
const SKIP_CLI = process.argv.includes('--skip-cli');
const FROM_SYSTEM = process.argv.includes('--from-system');
const dir = args.dir ?? join(tmpdir(), FROM_SYSTEM ? `aigis-bench-system-${FILES}-${KEYS}` : `aigis-bench-secrets-${FILES}-${TOTAL_MB}-${KEYS}`);

// ---- deterministic generator -------------------------------------------------------------------
let seed = 0x5eed;
function rand() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (l) => l[Math.floor(rand() * l.length)];
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const chars = (a, n) => Array.from({ length: n }, () => a[Math.floor(rand() * a.length)]).join('');

const KEY_MAKERS = [
  () => `OPENAI_API_KEY=sk-proj-${chars(B62, 74)}T3BlbkFJ${chars(B62, 74)}`,
  () => `client = Anthropic(api_key="sk-ant-api03-${chars(B62, 93)}AA")`,
  () => `HF_TOKEN=hf_${chars(B62.slice(0, 52), 34)}`,
  () => `genai.configure(api_key="AIza${chars(B62, 35)}")`,
  () => `GROQ_API_KEY: gsk_${chars(B62, 52)}`,
  () => `token = "ghp_${chars(B62, 36)}"`,
  () => `REPLICATE_API_TOKEN=r8_${chars(B62, 37)}`,
  () => `"OPENROUTER_API_KEY": "sk-or-v1-${chars(HEX, 64)}"`,
  () => `MISTRAL_API_KEY=${chars(B62, 32)}`,
  () => `LANGSMITH_API_KEY=lsv2_pt_${chars(HEX, 32)}_${chars(HEX, 10)}`,
  () => `PINECONE_API_KEY=pcsk_${chars(B62, 6)}_${chars(B62, 63)}`,
  () => `wandb login ${chars(HEX, 40)}`,
];

const WORDS = 'model train data token layer batch epoch loss value index query vector embed cache server client request response config deploy build image pipeline inference prompt context agent tool retrieve rerank score eval metric gradient weight tensor shard replica'.split(' ');
function sourceLine() {
  switch (Math.floor(rand() * 8)) {
    case 0: return `def ${pick(WORDS)}_${pick(WORDS)}(${pick(WORDS)}, ${pick(WORDS)}=None):`;
    case 1: return `    ${pick(WORDS)} = ${pick(WORDS)}.${pick(WORDS)}(${pick(WORDS)}, "${pick(WORDS)}-${chars(HEX, 8)}")`;
    case 2: return `const ${pick(WORDS)}${pick(['Id', 'Url', 'Name'])} = process.env.${pick(WORDS).toUpperCase()}_${pick(['URL', 'NAME', 'KEY'])};`;
    case 3: return `  ${pick(WORDS)}: ${pick(['true', 'false', '42', `"${pick(WORDS)}"`, chars(HEX, 40)])}`;
    case 4: return `# ${Array.from({ length: 10 }, () => pick(WORDS)).join(' ')}`;
    case 5: return `    "${pick(WORDS)}": "${chars(HEX, 8)}-${chars(HEX, 4)}-4${chars(HEX, 3)}-a${chars(HEX, 3)}-${chars(HEX, 12)}",`;
    case 6: return `task-${pick(WORDS)} disk-${pick(WORDS)} ask-${pick(WORDS)} sha256:${chars(HEX, 64)}`;
    default: return `    return ${pick(WORDS)}[${Math.floor(rand() * 100)}] + ${pick(WORDS)}(${pick(WORDS)})`;
  }
}

/** A pool of 16 KiB text chunks, reused so generation is fast. */
function chunkPool(n) {
  return Array.from({ length: n }, () => {
    const lines = [];
    let size = 0;
    while (size < 16384) {
      const l = sourceLine();
      lines.push(l);
      size += l.length + 1;
    }
    return `${lines.join('\n')}\n`;
  });
}

const EXTS = ['.py', '.ts', '.js', '.go', '.md', '.yaml', '.json', '.toml', '.sh', '.txt', '.tf', '.env'];

/** Real installed code: where it comes from on the host, and where it goes in the tree. */
const SYSTEM_SOURCES = [
  ['/usr/lib/python3/dist-packages', 'usr/lib/python3/dist-packages'],
  ['/usr/lib/python3.11', 'usr/lib/python3.11'],
  ['/usr/lib/node_modules', 'usr/lib/node'],
];

function systemFiles() {
  const out = [];
  const walk = (abs, rel) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(abs, e.name), `${rel}/${e.name}`);
      else if (e.isFile() && !/\.(pyc|so|o|a|gz|zip|png|jpg|gif|ico|woff2?)$/.test(e.name)) out.push([join(abs, e.name), `${rel}/${e.name}`]);
    }
  };
  for (const [abs, rel] of SYSTEM_SOURCES) if (existsSync(abs)) walk(abs, rel);
  return out.sort((a, b) => (a[1] < b[1] ? -1 : 1));
}

function generateFromSystem() {
  const marker = `${dir}.complete.json`;
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  const pool = systemFiles();
  if (pool.length === 0) throw new Error('no installed Python/Node packages found under /usr/lib');
  // Keys go only where aigis looks by default: `node_modules` is skipped by the directory walker
  // (and by rg below, for the same tree).
  const eligible = [];
  for (let i = 0; i < FILES; i++) if (!pool[i % pool.length][1].includes('/node_modules/')) eligible.push(i);
  const keyAt = new Set();
  while (keyAt.size < Math.min(KEYS, eligible.length)) keyAt.add(pick(eligible));
  let bytes = 0;
  let planted = 0;
  for (let i = 0; i < FILES; i++) {
    const [abs, rel] = pool[i % pool.length];
    const path = join(dir, `copy${Math.floor(i / pool.length)}`, rel);
    mkdirSync(dirname(path), { recursive: true });
    let data = readFileSync(abs);
    if (keyAt.has(i) && !data.includes(0)) {
      data = Buffer.concat([data, Buffer.from(`\n# config\n${pick(KEY_MAKERS)()}\n`)]);
      planted++;
    }
    writeFileSync(path, data);
    bytes += data.length;
  }
  const meta = { files: FILES, bytes, planted };
  writeFileSync(marker, JSON.stringify(meta));
  return meta;
}

function generate() {
  if (FROM_SYSTEM) return generateFromSystem();
  const marker = `${dir}.complete.json`;
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  const pool = chunkPool(256);
  const large = Math.min(10, Math.floor(FILES / 100));
  const largeBytes = Math.floor((TOTAL_MB * 0.2 * 1024 * 1024) / Math.max(large, 1));
  const smallBytes = Math.floor((TOTAL_MB * 0.8 * 1024 * 1024) / (FILES - large));
  const keyAt = new Set();
  while (keyAt.size < KEYS) keyAt.add(Math.floor(rand() * FILES));
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const sub = join(dir, `pkg${i % 40}`, `mod${Math.floor(i / 40) % 25}`);
    mkdirSync(sub, { recursive: true });
    const isLarge = i < large;
    const target = isLarge ? largeBytes : Math.max(256, Math.floor(smallBytes * (0.25 + rand() * 1.5)));
    const parts = [];
    let size = 0;
    while (size < target) {
      const c = pick(pool);
      parts.push(c);
      size += c.length;
    }
    let text = parts.join('').slice(0, target);
    if (keyAt.has(i)) {
      const at = text.lastIndexOf('\n', Math.floor(rand() * text.length)) + 1;
      text = `${text.slice(0, at)}${pick(KEY_MAKERS)()}\n${text.slice(at)}`;
    }
    const ext = isLarge ? pick(['.log', '.json', '.txt']) : pick(EXTS);
    writeFileSync(join(sub, `f${i}${ext}`), text);
    bytes += Buffer.byteLength(text);
  }
  const meta = { files: FILES, bytes, planted: KEYS };
  writeFileSync(marker, JSON.stringify(meta));
  return meta;
}

function rg_ok(patterns) {
  const r = spawnSync('rg', ['-P', '-f', patterns, '-c', '--', patterns], { encoding: 'utf8' });
  if (r.status === 2) console.error(r.stderr);
  return r.status !== 2;
}

// ---- measurement ---------------------------------------------------------------------------------
function timed(cmd, argv, opts = {}) {
  const hasTime = existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-v', cmd, ...argv], { encoding: 'utf8', maxBuffer: 1 << 28, ...opts })
    : spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = hasTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) * 1024 : NaN;
  return { ...r, seconds, rss };
}

async function main() {
  const cli = join(root, 'dist/cli/main.js');
  if (!existsSync(cli)) throw new Error('run `npm run build` first');
  const t0 = Date.now();
  const meta = generate();
  console.log(`tree: ${dir}\n  ${meta.files} files, ${(meta.bytes / 1048576).toFixed(0)} MiB, ${meta.planted} planted keys (generated/cached in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  const { SECRET_RULES, L, R } = await import(join(root, 'dist/secrets/catalog.js'));
  const patterns = join(tmpdir(), 'aigis-secret-patterns.txt');
  // rg joins the patterns into one alternation: named groups would clash, so they become plain groups.
  // PCRE2 look-behinds must have a fixed length: the ANSI-colour alternative of L is left out.
  const pcreL = String.raw`(?:(?<=\\[nrt])|(?<![A-Za-z0-9_\-]))`;
  const sources = [...new Set(SECRET_RULES.flatMap((r) => r.patterns))].map((p) => p.split(L).join(pcreL).replace(/\(\?<[A-Za-z]\w*>/g, '(?:'));
  writeFileSync(patterns, `${sources.join('\n')}\n`);
  // The same patterns for rg's default (finite-automaton) engine, which has no look-around: boundaries
  // become \b. This is rg at full speed, the stricter baseline.
  const fastPatterns = join(tmpdir(), 'aigis-secret-patterns-fast.txt');
  const fast = sources.map((p) => p.split(pcreL).join('\\b').split(R).join('\\b').replace(/\(\?<?[!=][^()]*\)/g, '\\b'));
  writeFileSync(fastPatterns, `${[...new Set(fast)].join('\n')}\n`);

  // Warm the page cache so that neither tool pays for the first read.
  spawnSync('rg', ['--hidden', '--no-ignore', '-c', 'zzzzqqqq', dir]);

  const out = join(tmpdir(), 'aigis-bench-secrets.json');
  if (rg_ok(patterns) === false) throw new Error('rg rejected the patterns');
  let aigis;
  let report;
  if (!SKIP_CLI) {
    aigis = timed(process.execPath, [cli, 'scan', dir, '--format', 'json', '--output', out, '--quiet']);
    if (aigis.status !== 0 && aigis.status !== 1) throw new Error(`aigis failed (${aigis.status}): ${aigis.stderr}`);
    report = JSON.parse(readFileSync(out, 'utf8'));
  }

  // The scan pipeline and directory target with the secrets analyzer only.
  const pipelineScript = `
    const { runPipeline } = await import(${JSON.stringify(join(root, 'dist/pipeline/scan.js'))});
    const { openTarget } = await import(${JSON.stringify(join(root, 'dist/targets/open-target.js'))});
    const { secretsAnalyzer } = await import(${JSON.stringify(join(root, 'dist/secrets/analyzer.js'))});
    const target = await openTarget(${JSON.stringify(dir)}, { skipDirs: ['.git', 'node_modules'], skipFiles: [], readBudget: 64 * 1024 * 1024 });
    const r = await runPipeline(target, { analyzers: [secretsAnalyzer] });
    console.log(r.findings.length);`;
  const pipeline = timed(process.execPath, ['--input-type=module', '-e', pipelineScript]);
  if (pipeline.status !== 0) throw new Error(`pipeline run failed: ${pipeline.stderr}`);
  // The analyzer alone, in process, files read with readFileSync: separates the secrets engine from
  // the pipeline's I/O (the directory target reads through fs/promises).
  const engineScript = `
    import { readdirSync, readFileSync } from 'node:fs';
    import { join, relative } from 'node:path';
    const { bufferFile } = await import(${JSON.stringify(join(root, 'dist/core/buffer-file.js'))});
    const { secretsAnalyzer } = await import(${JSON.stringify(join(root, 'dist/secrets/analyzer.js'))});
    const dir = ${JSON.stringify(dir)};
    const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    const ctx = { deadline: Infinity, exists: () => false, open: () => undefined };
    let findings = 0;
    for (const abs of walk(dir)) {
      const file = bufferFile(relative(dir, abs), readFileSync(abs));
      if (!secretsAnalyzer.match(file)) continue;
      findings += ((await secretsAnalyzer.analyze(file, ctx)).findings ?? []).length;
    }
    console.log(findings);`;
  const engine = timed(process.execPath, ['--input-type=module', '-e', engineScript]);
  if (engine.status !== 0) throw new Error(`engine run failed: ${engine.stderr}`);

  const rg = timed('rg', ['--hidden', '--no-ignore', '-g', '!node_modules', '-P', '-c', '--no-filename', '-f', patterns, dir]);
  const rgMatches = rg.stdout.split('\n').filter(Boolean).reduce((s, l) => s + Number(l), 0);
  const rgFast = timed('rg', ['--hidden', '--no-ignore', '-g', '!node_modules', '-c', '--no-filename', '-f', fastPatterns, dir]);
  if (rgFast.status === 2) throw new Error(`rg (default engine) failed: ${rgFast.stderr}`);
  const rgFastMatches = rgFast.stdout.split('\n').filter(Boolean).reduce((s, l) => s + Number(l), 0);

  const mib = (b) => (b / 1048576).toFixed(0);
  if (aigis) {
    const secretFindings = report.findings.filter((f) => f.category === 'secret').length;
    console.log(`aigis scan : ${aigis.seconds.toFixed(2)} s (every analyzer), ${secretFindings} secret findings (${meta.planted} planted), ${report.stats.files} files analysed, peak RSS ${mib(aigis.rss)} MiB`);
  }
  console.log(`pipeline   : ${pipeline.seconds.toFixed(2)} s, ${pipeline.stdout.trim().split('\n').pop()} findings (directory target + secrets analyzer only), peak RSS ${mib(pipeline.rss)} MiB`);
  console.log(`engine only: ${engine.seconds.toFixed(2)} s, ${engine.stdout.trim().split('\n').pop()} findings (secrets analyzer in process, readFileSync, no pipeline), peak RSS ${(engine.rss / 1048576).toFixed(0)} MiB`);
  console.log(`ripgrep -P : ${rg.seconds.toFixed(2)} s, ${rgMatches} matching lines (${SECRET_RULES.length} catalogue patterns, no filters)`);
  console.log(`ripgrep    : ${rgFast.seconds.toFixed(2)} s, ${rgFastMatches} matching lines (same patterns, look-arounds as \\b, default engine)`);
  const ratios = (t) => `${(t / rg.seconds).toFixed(2)}x rg -P, ${(t / rgFast.seconds).toFixed(2)}x rg (default engine)`;
  if (aigis) console.log(`ratio      : aigis scan ${ratios(aigis.seconds)}`);
  console.log(`ratio      : pipeline ${ratios(pipeline.seconds)} (goal <= 3x rg)`);
  console.log(`ratio      : engine only ${ratios(engine.seconds)}`);
  const rss = Math.max(pipeline.rss, aigis?.rss ?? 0);
  console.log(`peak RSS   : ${mib(rss)} MiB (goal < 300 MiB: ${rss < 300 * 1048576 ? 'met' : 'NOT met'})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
