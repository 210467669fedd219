#!/usr/bin/env node
/**
 * Benchmark: scanning a generated ~2 GiB PyTorch zip checkpoint (goal: under 1 s and 100 MB peak RSS).
 *
 *   npm run build && node bench/model-scan.mjs [--gib 2] [--keep]
 *
 * Writes `model.pt` into a temp dir: a real `data.pkl` (taken from the generated fixture
 * test/fixtures/models/pickle/torch_malicious.pt, so the scan has a payload to find), a stored
 * weight blob of the requested size and the usual `version` member, with correct CRCs and headers.
 * Then, in a fresh process each, it times (1) the model-pickle analyzer on the file and (2) the whole
 * CLI (`aigis scan DIR --format json`), and as a baseline in the same run (3) `openssl dgst -sha256`
 * reading the file once. Runs from the compiled dist/ (Node 20 cannot run TypeScript directly).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCheckpoint } from './lib/checkpoint.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

if (process.argv[2] === '--measure') {
  await measure(process.argv[3]);
} else {
  await main();
}

async function main() {
  if (!existsSync(join(DIST, 'analyzers/model-pickle.js'))) {
    console.error('dist/ is missing: run `npm run build` first');
    process.exit(2);
  }
  const gibArg = process.argv.indexOf('--gib');
  const gib = gibArg > 0 ? Number(process.argv[gibArg + 1]) : 2;
  const keep = process.argv.includes('--keep');
  const dir = mkdtempSync(join(tmpdir(), 'aigis-bench-'));
  const file = join(dir, 'model.pt');
  try {
    const t0 = Date.now();
    await writeCheckpoint(file, Math.round(gib * 1024 ** 3));
    const size = statSync(file).size;
    console.log(`generated ${file}: ${(size / 1024 ** 3).toFixed(2)} GiB in ${Date.now() - t0} ms`);

    const an = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', file], { encoding: 'utf8' });
    if (an.status !== 0) throw new Error(`measure failed: ${an.stderr}`);
    const m = JSON.parse(an.stdout);

    const cliArgs = [join(DIST, 'cli/main.js'), 'scan', dir, '--format', 'json'];
    const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
    const c0 = process.hrtime.bigint();
    const cli = timeBin
      ? spawnSync(timeBin, ['-f', '%M', process.execPath, ...cliArgs], { encoding: 'utf8', maxBuffer: 64 << 20 })
      : spawnSync(process.execPath, cliArgs, { encoding: 'utf8', maxBuffer: 64 << 20 });
    const cliMs = Number(process.hrtime.bigint() - c0) / 1e6;
    const cliRssKb = timeBin ? Number(cli.stderr.trim().split('\n').pop()) : NaN;
    const cliFindings = JSON.parse(cli.stdout).findings.length;

    const o0 = process.hrtime.bigint();
    const ssl = spawnSync('openssl', ['dgst', '-sha256', file], { encoding: 'utf8' });
    const sslMs = Number(process.hrtime.bigint() - o0) / 1e6;

    console.log('');
    console.log(`analyzer (fresh process): ${m.ms.toFixed(1)} ms, peak RSS ${m.maxRssMb.toFixed(1)} MB (node baseline before scan ${m.baseRssMb.toFixed(1)} MB), findings ${m.findings}, bytes read ~${m.bytesRead}`);
    console.log(`aigis scan CLI (whole process, all analyzers incl. discovery hashing model files): ${cliMs.toFixed(0)} ms wall, peak RSS ${Number.isNaN(cliRssKb) ? 'n/a' : `${(cliRssKb / 1024).toFixed(1)} MB`}, findings ${cliFindings}`);
    console.log(`baseline openssl dgst -sha256 (reads the file once): ${sslMs.toFixed(0)} ms${ssl.status === 0 ? '' : ' (failed)'}`);
    console.log(`ratio: the analyzer takes ${((m.ms / sslMs) * 100).toFixed(3)}% of the time needed to read the file once`);
    console.log(`goals: < 1000 ms → ${m.ms < 1000 ? 'met' : 'NOT met'}; < 100 MB peak RSS → ${m.maxRssMb < 100 ? 'met' : 'NOT met'} (analyzer process)`);
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs in a fresh process: the analyzer alone, with a counting file so the bytes read are known. */
async function measure(file) {
  const { modelPickleAnalyzer } = await import(join(DIST, 'analyzers/model-pickle.js'));
  const { localFile } = await import(join(DIST, 'targets/local-file.js'));
  const { fileInfo } = await import(join(DIST, 'core/file-info.js'));
  const size = statSync(file).size;
  const sf = localFile(fileInfo('model.pt', size), file, 64 * 1024 * 1024);
  let bytesRead = 0;
  const readAt = sf.readAt.bind(sf);
  sf.readAt = async (o, l) => {
    const b = await readAt(o, l);
    bytesRead += b.length;
    return b;
  };
  const baseRssMb = process.memoryUsage().rss / 1024 / 1024;
  const ctx = { signal: new AbortController().signal, deadline: Date.now() + 60_000, exists: () => false, open: () => undefined };
  const t0 = process.hrtime.bigint();
  const r = await modelPickleAnalyzer.analyze(sf, ctx);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, maxRssMb, baseRssMb, findings: r.findings?.length ?? 0, bytesRead }));
}
