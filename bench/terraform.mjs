#!/usr/bin/env node
/**
 * Benchmark: Terraform parse + check of a generated tree of 2,000 files (about 200k lines), the old
 * HCL parser (@cdktf/hcl2json, HashiCorp's parser compiled to Go/WASM, devDependency) against the new
 * tree-sitter document layer, in the same run. Each side runs in its own child process so that
 * start-up time and peak RSS are its own. Prints files/s, start-up, whole-tree time, peak RSS and the
 * ratio (goals: start-up < 100 ms, whole tree < 5 s).
 *
 *   npm run build && node bench/terraform.mjs [--files N]
 *
 * "Parse + check" means: old = hcl2json.parse per file (as the former discovery analyzer did, serially
 * through the one Go runtime; it has no rules); new = parse every file into the typed document, group
 * the module views and run every tf/* rule over them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
  process.exit(0);
}

if (!existsSync(join(DIST, 'documents', 'terraform', 'parse.js'))) {
  console.error('dist/ not found: run `npm run build` first');
  process.exit(2);
}
const nArg = process.argv.indexOf('--files');
const FILES = nArg > 0 ? Number(process.argv[nArg + 1]) : 2000;
const dir = mkdtempSync(join(tmpdir(), 'aigis-bench-tf-'));
try {
  const lines = generate(dir, FILES);
  console.log(`tree: ${FILES} files, ${lines} lines in ${dir}`);
  const results = {};
  for (const side of ['old', 'new']) {
    const r = spawnSync(process.execPath, [self, '--child', side, dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) {
      console.error(`${side} failed:\n${r.stderr}`);
      process.exit(1);
    }
    results[side] = JSON.parse(r.stdout.trim().split('\n').pop());
  }
  const row = (name, r) =>
    `${name.padEnd(34)} start-up ${r.startupMs.toFixed(0).padStart(5)} ms (cpu ${r.startupCpuMs.toFixed(0).padStart(4)})  tree ${(r.treeMs / 1000).toFixed(2).padStart(6)} s (cpu ${(r.treeCpuMs / 1000).toFixed(2).padStart(6)})  ${String(Math.round(r.files / (r.treeMs / 1000))).padStart(6)} files/s  peak RSS ${String(Math.round(r.maxRssKb / 1024)).padStart(4)} MB  ${r.extra}`;
  console.log(row('old: @cdktf/hcl2json (parse only)', results.old));
  console.log(row('new: tree-sitter document + tf/*', results.new));
  console.log(`ratio (old/new): start-up ${(results.old.startupMs / results.new.startupMs).toFixed(1)}x, whole tree ${(results.old.treeMs / results.new.treeMs).toFixed(1)}x (cpu ${(results.old.treeCpuMs / results.new.treeCpuMs).toFixed(1)}x)`);
  const met = (ok) => (ok ? 'met' : 'NOT met');
  console.log(`goals: start-up < 100 ms: wall ${met(results.new.startupMs < 100)}, cpu ${met(results.new.startupCpuMs < 100)}; whole tree < 5 s: wall ${met(results.new.treeMs < 5000)}, cpu ${met(results.new.treeCpuMs < 5000)} (on a loaded machine the CPU figures are the fair ones)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** 2,000 files in 100 module directories; each file ~100 lines of resources, variables, locals and policies. */
function generate(root, n) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const mod = join(root, `mod${String(i % 100).padStart(3, '0')}`);
    mkdirSync(mod, { recursive: true });
    const parts = [`variable "region_${i}" {\n  type    = string\n  default = "us-east-1"\n}\n`, `locals {\n  prefix_${i} = "lab-\${var.region_${i}}"\n  tags_${i}   = { team = "ml", n = ${i} }\n}\n`];
    for (let k = 0; k < 5; k++) {
      const id = `${i}_${k}`;
      parts.push(
        `resource "aws_s3_bucket" "data_${id}" {\n  bucket = "\${local.prefix_${i}}-data-${id}"\n  tags   = local.tags_${i}\n}\n`,
        `resource "aws_sagemaker_notebook_instance" "nb_${id}" {\n  name          = "nb-${id}"\n  role_arn      = aws_iam_role.r_${id}.arn\n  instance_type = "ml.t3.medium"\n  root_access   = "Disabled"\n  instance_metadata_service_configuration {\n    minimum_instance_metadata_service_version = "2"\n  }\n}\n`,
        `resource "aws_iam_role_policy" "p_${id}" {\n  role = aws_iam_role.r_${id}.id\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = ["\${aws_s3_bucket.data_${id}.arn}/*"] }]\n  })\n}\n`,
      );
    }
    const text = parts.join('\n');
    total += text.split('\n').length;
    writeFileSync(join(mod, `f${i}.tf`), text);
  }
  return total;
}

async function child(side, root) {
  const files = [];
  for (const d of readdirSync(root).sort()) for (const f of readdirSync(join(root, d)).sort()) files.push(join(d, f));
  const texts = files.map((f) => [f, readFileSync(join(root, f), 'utf8')]);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let startupMs;
  let startupCpuMs;
  let extra = '';
  if (side === 'old') {
    const { parse } = await import('@cdktf/hcl2json');
    await parse('warm.tf', 'variable "x" {}\n');
    startupMs = performance.now() - t0;
    startupCpuMs = cpuSince(c0);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    let blocks = 0;
    for (const [name, text] of texts) blocks += Object.keys((await parse(name, text)).resource ?? {}).length;
    extra = `(${blocks} resource types read)`;
    report(t1, c1);
  } else {
    const { loadTerraformGrammar, parseTerraform } = await import(pathToFileURL(join(DIST, 'documents', 'terraform', 'parse.js')).href);
    const { terraformKind } = await import(pathToFileURL(join(DIST, 'documents', 'terraform', 'kind.js')).href);
    const { terraformRules } = await import(pathToFileURL(join(DIST, 'posture', 'terraform', 'index.js')).href);
    await loadTerraformGrammar();
    startupMs = performance.now() - t0;
    startupCpuMs = cpuSince(c0);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const docs = [];
    for (const [path, text] of texts) {
      const p = parseTerraform(path, text);
      if (p.document) docs.push({ path, document: p.document });
    }
    const parseCpu = cpuSince(c1);
    const c2 = process.cpuUsage();
    let hits = 0;
    for (const mod of terraformKind.project(docs)) for (const rule of terraformRules) hits += rule.check(mod).length;
    extra = `(${hits} findings from ${terraformRules.length} rules; cpu: parse+convert ${(parseCpu / 1000).toFixed(2)} s, modules+rules ${(cpuSince(c2) / 1000).toFixed(2)} s)`;
    report(t1, c1);
  }
  function report(t1, c1) {
    const treeMs = performance.now() - t1;
    process.stdout.write(`${JSON.stringify({ files: texts.length, startupMs, startupCpuMs, treeMs, treeCpuMs: cpuSince(c1), maxRssKb: process.resourceUsage().maxRSS, extra })}\n`);
  }
  function cpuSince(c) {
    const d = process.cpuUsage(c);
    return (d.user + d.system) / 1000;
  }
}
