#!/usr/bin/env node
/**
 * Benchmark: aigis's CI-workflow and agent-configuration analyzers on a generated tree of 5,000
 * GitHub Actions workflows and 1,000 agent/MCP configurations (risky and safe variants of each
 * shape, ~1 in 5 risky). Prints files/s, peak RSS, findings per rule, and, as the in-run baseline,
 * the time to merely parse the same YAML/JSON with the same libraries (the floor any checker pays):
 * the ratio says what the rules, inventory and pipeline add on top of parsing.
 *
 *   npm run build && node bench/workflows.mjs [--workflows N] [--configs N] [--keep]
 *
 * zizmor (the workflow linter the issue names as the peer) is a Rust binary from PyPI/crates and is
 * not installable on this machine (npm and apt only), so it is not run here; see bench/README or the
 * report for how the rules were checked against zizmor's own test expectations instead.
 * Each measurement runs in a fresh child process so that peak RSS belongs to it alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
if (!existsSync(join(DIST, 'cli', 'main.js'))) {
  console.error('dist/ not found: run `npm run build` first');
  process.exit(2);
}

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};

if (args[0] === '--child') await child(args[1], args[2]);
else await main();

async function main() {
  const nWf = opt('--workflows', 5000);
  const nCfg = opt('--configs', 1000);
  const dir = mkdtempSync(join(tmpdir(), 'aigis-wf-bench-'));
  try {
    const made = generate(dir, nWf, nCfg);
    console.log(`tree: ${made.workflows} workflows, ${made.configs} agent configs, ${(made.bytes / 1e6).toFixed(1)} MB in ${dir}`);
    const parse = run('parse', dir);
    const scan = run('scan', dir);
    const fps = (r) => (r.files / (r.ms / 1000)).toFixed(0);
    console.log(`parse only (yaml + jsonc-parser + smol-toml): ${r2(parse.ms)} ms, ${fps(parse)} files/s, peak RSS ${mb(parse.maxRSS)}`);
    console.log(`aigis (workflow + agent-config analyzers, full pipeline): ${r2(scan.ms)} ms, ${fps(scan)} files/s, peak RSS ${mb(scan.maxRSS)}`);
    console.log(`ratio scan / parse-only: ${(scan.ms / parse.ms).toFixed(2)}x`);
    console.log(`findings: ${scan.findings} (${Object.entries(scan.byRule).map(([k, v]) => `${k} ${v}`).join(', ')}); assets: ${scan.assets}; notes: ${scan.notes}`);
  } finally {
    if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

function run(mode, dir) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${mode} child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

async function child(mode, dir) {
  const t0 = performance.now();
  let out;
  if (mode === 'parse') {
    const { parseAllDocuments } = await import('yaml');
    const { parseTree } = await import('jsonc-parser');
    const { parse: toml } = await import('smol-toml');
    let files = 0;
    for (const p of walk(dir)) {
      const text = readFileSync(p, 'utf8');
      if (p.endsWith('.yml') || p.endsWith('.yaml')) parseAllDocuments(text);
      else if (p.endsWith('.toml')) toml(text);
      else parseTree(text, [], { allowTrailingComma: true });
      files++;
    }
    out = { files };
  } else {
    const { openTarget } = await import(join(DIST, 'targets', 'open-target.js'));
    const { runPipeline } = await import(join(DIST, 'pipeline', 'scan.js'));
    const { workflowAnalyzer } = await import(join(DIST, 'posture', 'workflow', 'index.js'));
    const { agentConfigAnalyzer } = await import(join(DIST, 'posture', 'agent-config', 'index.js'));
    const target = await openTarget(dir, { skipDirs: ['.git', 'node_modules'], skipFiles: [], readBudget: 64 * 1024 * 1024 });
    const res = await runPipeline(target, { analyzers: [workflowAnalyzer, agentConfigAnalyzer] });
    const byRule = {};
    for (const f of res.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    out = { files: res.stats.files, findings: res.findings.length, byRule, assets: res.assets.length, notes: res.notes.length };
  }
  out.ms = performance.now() - t0;
  out.maxRSS = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify(out));
}

function* walk(d) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** Deterministic generator: workflow i and config i always have the same content. */
function generate(dir, nWf, nCfg) {
  let bytes = 0;
  const put = (rel, text) => {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    bytes += Buffer.byteLength(text);
  };
  const wf = [
    (i) => `name: ci-${i}\non: [push, pull_request]\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - run: |\n          npm ci\n          npm test -- --shard=${i % 7}\n`,
    (i) => `name: triage-${i}\non:\n  issues:\n    types: [opened]\njobs:\n  label:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${'${{'} github.event.issue.title ${'}}'}"\n      - uses: some-org/labeler@v${i % 3}\n`,
    (i) => `name: agent-${i}\non:\n  issue_comment:\n    types: [created]\npermissions:\n  contents: write\n  pull-requests: write\njobs:\n  claude:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: ${'${{'} secrets.ANTHROPIC_API_KEY ${'}}'}\n          prompt: "Answer: ${'${{'} github.event.comment.body ${'}}'}"\n          claude_args: --allowedTools "Bash,Edit"\n`,
    (i) => `name: release-${i}\non:\n  push:\n    tags: ['v*']\njobs:\n  build:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n      id-token: write\n    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n      - run: make dist\n      - uses: actions/upload-artifact@v4\n        with:\n          path: dist/\n  publish:\n    needs: build\n    uses: ./.github/workflows/publish-${i}.yml\n    secrets: inherit\n`,
    (i) => `name: pr-${i}\non: pull_request_target\njobs:\n  build:\n    runs-on: [self-hosted, gpu]\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${'${{'} github.event.pull_request.head.sha ${'}}'}\n      - run: python evals.py ${i}\n        env:\n          OPENAI_API_KEY: ${'${{'} secrets.OPENAI_API_KEY ${'}}'}\n`,
  ];
  // Mostly safe CI (shape 0 and 3), some risky.
  const pick = (i) => (i % 10 < 6 ? 0 : i % 10 < 8 ? 3 : i % 10 === 8 ? 1 + (i % 3 === 0 ? 1 : 0) : 4);
  for (let i = 0; i < nWf; i++) put(`repo-${Math.floor(i / 50)}/.github/workflows/wf-${i}.yml`, wf[pick(i)](i));
  const cfg = [
    (i) => [`repo-${i}/.mcp.json`, JSON.stringify({ mcpServers: { [`gh${i}`]: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'] }, [`fs${i}`]: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', i % 2 ? '~' : './docs'] } } }, null, 2)],
    (i) => [`repo-${i}/.claude/settings.json`, JSON.stringify({ permissions: { defaultMode: i % 4 ? 'default' : 'bypassPermissions', allow: ['Read', i % 3 ? 'Bash(npm test:*)' : 'Bash(*)'] }, enableAllProjectMcpServers: i % 5 === 0 }, null, 2)],
    (i) => [`repo-${i}/.vscode/settings.json`, `{\n  // workspace\n  "editor.tabSize": 2,\n  "chat.tools.autoApprove": ${i % 6 === 0},\n}\n`],
    (i) => [`repo-${i}/.codex/config.toml`, `model = "gpt-5"\napproval_policy = "${i % 4 ? 'on-request' : 'never'}"\nsandbox_mode = "${i % 8 ? 'workspace-write' : 'danger-full-access'}"\n\n[mcp_servers.db${i}]\ncommand = "docker"\nargs = ["run", "-i", "--rm", ${i % 5 ? '' : '"--privileged", '}"ghcr.io/example/db-mcp:1.${i % 9}.0"]\n`],
    (i) => [`repo-${i}/.gemini/settings.json`, JSON.stringify({ mcpServers: { [`s${i}`]: { httpUrl: i % 3 ? 'https://mcp.example.com/mcp' : 'http://mcp.internal.example/mcp', trust: i % 7 === 0 } } }, null, 2)],
  ];
  for (let i = 0; i < nCfg; i++) {
    const [rel, text] = cfg[i % cfg.length](i);
    put(rel, text);
  }
  return { workflows: nWf, configs: nCfg, bytes };
}

function r2(x) {
  return x.toFixed(0);
}
function mb(b) {
  return `${(b / 1024 / 1024).toFixed(0)} MiB`;
}
