#!/usr/bin/env node
/**
 * Benchmark: `aigis probe` over 1,000 local loopback endpoints, against a baseline measured in the same
 * run: a bare node:http client sending the same number of GETs with the same concurrency to the same
 * servers (the floor of what any HTTP prober costs here). Prints requests/s, wall time, peak RSS, and
 * the ratio of aigis to the baseline.
 *   npm run build && node bench/probe.mjs [--endpoints 1000] [--concurrency 64]
 * The servers run in a child process (so their memory is not counted), on 127.0.0.1 only: a quarter each
 * answer like Ollama (open), vLLM with --api-key (protected), an MCP server (open) and nothing (404).
 */
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const N = opt('--endpoints', 1000);
const CONCURRENCY = opt('--concurrency', 64);
const engineJs = resolve(import.meta.dirname, '../dist/probe/engine.js');
const targetsJs = resolve(import.meta.dirname, '../dist/probe/targets.js');

function route(kind, req, body) {
  const json = (status, b, h = {}) => [status, { 'content-type': 'application/json', ...h }, JSON.stringify(b)];
  if (kind === 0) {
    if (req.url === '/') return [200, { 'content-type': 'text/plain' }, 'Ollama is running'];
    if (req.url === '/api/tags') return json(200, { models: [{ name: 'llama3.2:latest', digest: 'a80c4f17acd5' }] });
    if (req.url === '/api/version') return json(200, { version: '0.5.7' });
    return [404, { 'content-type': 'text/plain' }, '404 page not found'];
  }
  if (kind === 1) {
    if (req.url.startsWith('/v1/')) return json(401, { error: 'Unauthorized' });
    if (req.url === '/version') return json(200, { version: '0.6.3' });
    return json(404, { detail: 'Not Found' });
  }
  if (kind === 2) {
    if (req.url === '/mcp' && req.method === 'POST') {
      const m = JSON.parse(body || '{}');
      if (m.method === 'initialize') return json(200, { jsonrpc: '2.0', id: m.id, result: { protocolVersion: '2025-06-18', capabilities: {}, serverInfo: { name: 'bench', version: '1' } } }, { 'mcp-session-id': 's1' });
      if (m.method === 'notifications/initialized') return [202, {}, ''];
      return json(200, { jsonrpc: '2.0', id: m.id, result: { tools: [{ name: 'echo' }] } });
    }
    return json(404, { error: 'not found' });
  }
  return [404, { 'content-type': 'text/plain' }, 'Not Found'];
}

async function serve() {
  let requests = 0;
  const ports = [];
  for (let i = 0; i < N; i++) {
    const kind = i % 4;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        requests++;
        const [status, headers, text] = route(kind, req, body);
        res.writeHead(status, headers).end(text);
      });
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    ports.push(server.address().port);
  }
  process.send({ ports });
  process.on('message', (m) => {
    if (m === 'count') process.send({ requests });
    if (m === 'reset') requests = 0;
  });
}

async function runAigis(targetFile) {
  const { runProbe } = await import(pathToFileURL(engineJs).href);
  const { parseTarget, parseTargetsFile } = await import(pathToFileURL(targetsJs).href);
  const { readFileSync } = await import('node:fs');
  const targets = parseTargetsFile(readFileSync(targetFile, 'utf8')).map(parseTarget);
  const t0 = performance.now();
  const r = await runProbe(targets, { concurrency: CONCURRENCY, timeoutMs: 10000 });
  const ms = performance.now() - t0;
  process.send({ ms, requests: r.stats.requests, findings: r.findings.length, assets: r.assets.length, maxRssKiB: process.resourceUsage().maxRSS });
}

async function runBaseline(targetFile, total) {
  const { readFileSync } = await import('node:fs');
  const urls = readFileSync(targetFile, 'utf8').trim().split('\n');
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let next = 0;
  const t0 = performance.now();
  const one = (url) =>
    new Promise((res) => {
      const r = http.get(url + '/', { agent }, (resp) => {
        resp.resume();
        resp.on('end', res);
      });
      r.on('error', res);
    });
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < total) {
      const i = next++;
      await one(urls[i % urls.length]);
    }
  }));
  const ms = performance.now() - t0;
  agent.destroy();
  process.send({ ms, requests: total, maxRssKiB: process.resourceUsage().maxRSS });
}

function child(mode, extra = []) {
  const c = fork(import.meta.filename, [mode, ...extra, '--endpoints', String(N), '--concurrency', String(CONCURRENCY)], { stdio: 'inherit' });
  return c;
}
const once = (c) => new Promise((r) => c.once('message', r));

if (args[0] === '--serve') await serve();
else if (args[0] === '--aigis') await runAigis(args[1]).then(() => process.exit(0));
else if (args[0] === '--baseline') await runBaseline(args[1], Number(args[2])).then(() => process.exit(0));
else {
  if (!existsSync(engineJs)) {
    console.error('dist/probe/engine.js not found: run `npm run build` first');
    process.exit(2);
  }
  const servers = child('--serve');
  const { ports } = await once(servers);
  const dir = mkdtempSync(join(tmpdir(), 'aigis-bench-probe-'));
  const file = join(dir, 'targets.txt');
  writeFileSync(file, ports.map((p) => `http://127.0.0.1:${p}`).join('\n') + '\n');

  const a = child('--aigis', [file]);
  const aigis = await once(a);
  servers.send('count');
  const served = (await once(servers)).requests;
  servers.send('reset');
  const b = child('--baseline', [file, String(aigis.requests)]);
  const base = await once(b);
  servers.kill();
  rmSync(dir, { recursive: true, force: true });

  const rps = (x) => Math.round((x.requests / x.ms) * 1000);
  console.log(`aigis probe: ${N} loopback endpoints, concurrency ${CONCURRENCY}`);
  console.log(`  aigis    ${aigis.requests} requests (servers saw ${served}) in ${(aigis.ms / 1000).toFixed(2)} s = ${rps(aigis)} req/s, peak RSS ${(aigis.maxRssKiB / 1024).toFixed(0)} MiB; ${aigis.findings} findings, ${aigis.assets} assets`);
  console.log(`  baseline ${base.requests} bare GETs in ${(base.ms / 1000).toFixed(2)} s = ${rps(base)} req/s, peak RSS ${(base.maxRssKiB / 1024).toFixed(0)} MiB`);
  console.log(`  ratio aigis/baseline: throughput ${(rps(aigis) / rps(base)).toFixed(2)}x, peak RSS ${(aigis.maxRssKiB / base.maxRssKiB).toFixed(2)}x`);
}
