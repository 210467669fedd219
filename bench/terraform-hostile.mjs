#!/usr/bin/env node
/**
 * Benchmark: the Terraform parser on hostile input. Builds each shape in memory at the same size
 * (default 4 MiB, the largest .tf the scanner reads), parses it with `parseTerraform` in its own child
 * process (so that a runtime abort or memory of one shape does not affect the next) and prints CPU
 * time, peak RSS, the ratio to a valid file of the same size parsed in the same run, and the notes.
 * The contract: every shape returns (no crash, no hang) after work comparable to the valid file.
 *
 *   npm run build && node bench/terraform-hostile.mjs [--size BYTES] [--only REGEX] [--dist DIR]
 *
 * `--dist` points at another build (for a before/after comparison); a shape that runs longer than
 * `--timeout` seconds (default 300) is reported as such.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distArg = process.argv.indexOf('--dist');
const DIST = resolve(distArg > 0 ? process.argv[distArg + 1] : join(ROOT, 'dist'));
const self = fileURLToPath(import.meta.url);

/** Deterministic pseudo-random numbers in [0, 1). */
function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}
const fill = (head, unit, size) => head + unit.repeat(Math.max(0, Math.floor((size - head.length) / unit.length)));
function valid(size) {
  const parts = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const p = `resource "aws_s3_bucket" "data_${i}" {\n  bucket = "\${local.prefix}-data-${i}"\n  tags   = { team = "ml", n = ${i} }\n}\n\nresource "aws_iam_role_policy" "p_${i}" {\n  role = aws_iam_role.r_${i}.id\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = ["\${aws_s3_bucket.data_${i}.arn}/*"] }]\n  })\n}\n\n`;
    parts.push(p);
    n += p.length;
  }
  return parts.join('');
}
const randomText = (alphabet, size, seed) => {
  const r = rng(seed);
  let o = '';
  while (o.length < size) o += alphabet[Math.floor(r() * alphabet.length)];
  return o;
};
const SHAPES = {
  valid,
  'nested "${': (s) => fill('x = ', '"${', s),
  'lines a = "${': (s) => fill('', 'a = "${\n', s),
  'nested [': (s) => fill('x = ', '[', s),
  'nested {': (s) => fill('x = ', '{', s),
  '%{ if nested': (s) => fill('x = "', '%{ if a }', s),
  '%{ if lines': (s) => fill('', 'x = "%{ if a }\n', s),
  'heredoc unterminated': (s) => fill('x = <<EOT\n', 'line ${a} text\n', s),
  'heredocs open': (s) => fill('', 'x = <<EOT\n', s),
  'random bytes': (s) => randomText(Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), s, 1),
  'random tokens': (s) => randomText(['"', '${', '}', '[', ']', '{', '(', ')', '=', 'a', ' ', '\n', '%{', '<<EOT\n', ',', '.', '1', '?', ':'], s, 2),
  'unterminated strings': (s) => fill('', 'a = "x\n', s),
  'random 4KB, then valid': (s) => randomText(Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), 4096, 1) + '\n' + valid(s - 4097),
  'a = "${ 4KB, then valid': (s) => fill('', 'a = "${\n', 4096) + '\n' + valid(s - 4097),
  'x = { then valid': (s) => 'x = {\n' + valid(s - 6),
  'stray } then valid': (s) => '}\n}\n' + valid(s - 4),
  'unterminated " then valid': (s) => 'x = "abc\n' + valid(s - 9),
};

if (process.argv[2] === '--child') {
  const { loadTerraformGrammar, parseTerraform } = await import(pathToFileURL(join(DIST, 'documents', 'terraform', 'parse.js')).href);
  await loadTerraformGrammar();
  parseTerraform('warm.tf', valid(65536));
  const text = SHAPES[process.argv[3]](Number(process.argv[4]));
  const c0 = process.cpuUsage();
  let result;
  let error;
  try {
    result = parseTerraform('hostile.tf', text);
  } catch (e) {
    error = String(e).split('\n')[0];
  }
  const d = process.cpuUsage(c0);
  process.stdout.write(`${JSON.stringify({ cpuMs: (d.user + d.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, error, document: !!result?.document, notes: result?.notes ?? [] })}\n`);
  process.exit(0);
}

if (!existsSync(join(DIST, 'documents', 'terraform', 'parse.js'))) {
  console.error('dist/ not found: run `npm run build` first');
  process.exit(2);
}
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const size = Number(arg('--size', 4 * 1024 * 1024));
const only = new RegExp(arg('--only', '.'));
const timeoutS = Number(arg('--timeout', 300));
console.log(`size ${size} characters per shape; CPU time of parseTerraform (${DIST}) in a child process each`);
let validMs;
for (const name of Object.keys(SHAPES)) {
  if (name !== 'valid' && !only.test(name)) continue;
  const r = spawnSync(process.execPath, [self, '--child', name, String(size), '--dist', DIST], { encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 1 << 24 });
  const line = r.stdout.trim().split('\n').pop();
  if (r.status !== 0 || !line?.startsWith('{')) {
    const why = r.error?.code === 'ETIMEDOUT' ? `still running after ${timeoutS} s (killed)` : `exit ${r.status ?? r.signal}`;
    console.log(`${name.padEnd(26)} FAILED: ${why} ${(r.stderr || '').split('\n').find((l) => /Error|Abort/.test(l)) ?? ''}`);
    continue;
  }
  const x = JSON.parse(line);
  if (name === 'valid') validMs = x.cpuMs;
  const notes = x.error ? `THREW ${x.error}` : x.notes.map((n) => n.replace(/;.*/, '')).join(' | ');
  console.log(`${name.padEnd(26)} cpu ${(x.cpuMs / 1000).toFixed(2).padStart(6)} s  ${(x.cpuMs / validMs).toFixed(2).padStart(5)}x valid  peak RSS ${String(Math.round(x.maxRssKb / 1024)).padStart(5)} MB  ${x.document ? 'document' : 'no document'}  ${notes}`);
}
