#!/usr/bin/env node
/**
 * Load and fault test of `aigis serve` on loopback: two instances share one PostgreSQL, 200 concurrent
 * uploads of 1,000-finding reports (20 projects, round-robin over the instances), and one instance is
 * killed with SIGKILL mid-run. A client whose connection dies retries the same bytes on the surviving
 * instance, as a load balancer would. At the end the database is checked directly:
 *   - every acknowledged report is stored (no loss),
 *   - no content is stored twice (idempotency across instances and retries),
 *   - every stored report has all of its findings and assets (no partial report).
 * Prints uploads/s, p50/p95 latency and the server CPU time.
 * Peer, in the same run: bare PostgreSQL — the same findings inserted with one multi-row INSERT per
 * report from a 16-connection pool at the same concurrency (no HTTP, parsing, redaction, tracking or
 * idempotency) — and the ratio of the two throughputs.
 *
 *   npm run build && node bench/serve-load.mjs [--uploads 200] [--findings 1000]
 *
 * PostgreSQL: $AIGIS_BENCH_DATABASE_URL, else a throwaway cluster of Debian's binaries
 * (/usr/lib/postgresql/<v>/bin, run as the `postgres` user when root) in a temp dir on a free port.
 * Bounded: every request times out after 300 s and the run after 900 s.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
if (!existsSync(CLI)) {
  console.error('dist/ not found: run `npm run build` first');
  process.exit(2);
}
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const UPLOADS = arg('uploads', 200);
const FINDINGS = arg('findings', 1000);
const PROJECTS = 20;
const ADMIN = `aigis_bench_${createHash('sha256').update(String(process.pid)).digest('base64url')}`;
const deadline = setTimeout(() => {
  console.error('bench: exceeded 900 s, giving up');
  process.exit(1);
}, 900_000);
deadline.unref();

async function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function startPostgres() {
  if (process.env.AIGIS_BENCH_DATABASE_URL) return { url: process.env.AIGIS_BENCH_DATABASE_URL, stop: () => {} };
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)) : [];
  if (!versions.length) throw new Error('no PostgreSQL: apt-get install -y postgresql, or set AIGIS_BENCH_DATABASE_URL');
  const bin = `/usr/lib/postgresql/${versions.sort((a, b) => b - a)[0]}/bin`;
  const dir = mkdtempSync(join(tmpdir(), 'aigis-bench-pg-'));
  chmodSync(dir, 0o777);
  const root = process.getuid?.() === 0;
  const run = (cmd, args) => execFileSync(root ? 'runuser' : cmd, root ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'pipe' });
  run(`${bin}/initdb`, ['-D', `${dir}/data`, '-A', 'trust', '-U', 'aigis', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  run(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-l', `${dir}/log`, '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`, 'start']);
  return {
    url: `postgres://aigis@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function startServe(url, name) {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--host', '127.0.0.1', '--port', '0', '--database', url, '--pool-size', '8', '--log-level', 'warn', '--max-upload-size', '64MB'], {
      env: { ...process.env, AIGIS_SERVER_ADMIN_TOKEN: ADMIN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      const m = /listening on (http:\/\/\S+)/.exec(String(d));
      if (m) res({ name, child, url: m[1], stderr: () => err });
    });
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && signal !== 'SIGTERM') rej(new Error(`${name} exited ${code}: ${err}`));
    });
  });
}

/** CPU seconds (user+system) of a live process, from /proc. */
function cpuSeconds(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

function report(i) {
  const findings = [];
  for (let j = 0; j < FINDINGS; j++) {
    const path = `src/module-${j % 97}/file-${j}.py`;
    findings.push({
      ruleId: `bench/rule-${j % 50}`,
      severity: ['critical', 'high', 'medium', 'low', 'info'][j % 5],
      category: 'misconfiguration',
      title: `Bench rule ${j % 50}`,
      message: `Finding ${j} of upload ${i}: a configuration value allows more than it should.`,
      location: { path, startLine: (j % 300) + 1 },
      evidence: `value-${j}`,
      remediation: 'Restrict the value.',
      references: {},
      fingerprint: createHash('sha256').update(`${i}|${j}|line`).digest('hex').slice(0, 32),
      // Findings drift a little between uploads of a project, so tracking (new/fixed) has work to do.
      stableFingerprint: createHash('sha256').update(`${i % PROJECTS}|${j + (Math.floor(i / PROJECTS) % 3)}`).digest('hex').slice(0, 32),
    });
  }
  return JSON.stringify({
    schemaVersion: 1,
    tool: { name: 'aigis', version: 'bench' },
    command: 'scan',
    target: { name: `project-${i % PROJECTS}`, type: 'directory' },
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    findings,
    suppressed: [],
    assets: Array.from({ length: 20 }, (_, k) => ({ id: `pkg:pypi/lib-${k}@1.${i % 7}`, kind: 'package', name: `lib-${k}`, version: `1.${i % 7}`, locations: [{ path: 'requirements.txt' }], properties: {}, relations: [] })),
    notes: [],
    stats: { files: 1, bytes: 1, skipped: 0, durationMs: 1 },
    rules: [],
  });
}

async function upload(instances, body, project, first) {
  const started = performance.now();
  let attempt = 0;
  for (;;) {
    const target = instances[(first + attempt) % instances.length];
    attempt++;
    try {
      const res = await fetch(`${target.url}/api/v1/reports?project=${project}`, { method: 'POST', body, headers: { authorization: `Bearer ${ADMIN}` }, signal: AbortSignal.timeout(300_000) });
      const answer = await res.json();
      if (res.status === 201 || res.status === 200) return { ...answer, ms: performance.now() - started, attempts: attempt, via: target.name };
      throw new Error(`HTTP ${res.status}: ${JSON.stringify(answer)}`);
    } catch (err) {
      // Connection refused/reset on the killed instance: retry the same bytes elsewhere.
      if (attempt >= 6) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const cluster = await startPostgres();
let a, b;
try {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS aigis_bench');
  await admin.query('CREATE DATABASE aigis_bench');
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = '/aigis_bench';
  [a, b] = await Promise.all([startServe(url.toString(), 'A'), startServe(url.toString(), 'B')]);
  console.log(`bench: ${UPLOADS} uploads × ${FINDINGS} findings, ${PROJECTS} projects, instances ${a.url} and ${b.url}`);
  const bodies = Array.from({ length: UPLOADS }, (_, i) => report(i));
  const hashes = bodies.map((body) => createHash('sha256').update(body).digest('hex'));
  const live = [a, b];
  let acked = 0;
  let killedAt;
  const started = performance.now();
  const results = await Promise.allSettled(
    bodies.map((body, i) =>
      upload(live, body, `project-${i % PROJECTS}`, i % 2).then((r) => {
        acked++;
        // Kill B once a quarter of the uploads are acknowledged: it has requests in flight then.
        if (killedAt === undefined && acked >= UPLOADS / 4) {
          killedAt = acked;
          b.child.kill('SIGKILL');
        }
        return r;
      }),
    ),
  );
  const wall = (performance.now() - started) / 1000;
  const ok = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
  const failed = results.filter((r) => r.status === 'rejected');
  const latencies = ok.map((r) => r.ms).sort((x, y) => x - y);
  const retried = ok.filter((r) => r.attempts > 1).length;
  const cpuA = cpuSeconds(a.child.pid);

  // Verification, straight from the database.
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  const stored = (await db.query(`SELECT r.id, r.content_hash, r.finding_count, r.asset_count,
      (SELECT count(*)::int FROM report_findings f WHERE f.report_id = r.id) AS findings,
      (SELECT count(*)::int FROM report_assets s WHERE s.report_id = r.id) AS assets FROM reports r`)).rows;
  const byHash = new Map();
  for (const r of stored) byHash.set(r.content_hash, (byHash.get(r.content_hash) ?? 0) + 1);
  const ackedIds = new Set(ok.map((r) => Number(r.reportId)));
  const storedIds = new Set(stored.map((r) => Number(r.id)));
  const lost = [...ackedIds].filter((id) => !storedIds.has(id));
  const missingContent = hashes.filter((h, i) => results[i].status === 'fulfilled' && !byHash.has(h));
  const twice = [...byHash.values()].filter((n) => n > 1).length;
  const partial = stored.filter((r) => r.findings !== r.finding_count || r.findings !== FINDINGS || r.assets !== r.asset_count);
  const orphans = Number((await db.query('SELECT count(*)::int AS n FROM report_findings f WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = f.report_id)')).rows[0].n);
  const duplicatesAcked = ok.filter((r) => r.duplicate).length;
  await db.end();

  console.log(`acknowledged ${ok.length}/${UPLOADS} (${failed.length} failed), B killed (SIGKILL) after ${killedAt} acks; ${retried} uploads retried on A, ${duplicatesAcked} answered "already stored"`);
  console.log(`throughput ${(ok.length / wall).toFixed(2)} uploads/s (${((ok.length * FINDINGS) / wall).toFixed(0)} findings/s), wall ${wall.toFixed(1)} s`);
  console.log(`latency p50 ${(pct(latencies, 50) / 1000).toFixed(2)} s, p95 ${(pct(latencies, 95) / 1000).toFixed(2)} s, max ${(latencies.at(-1) / 1000).toFixed(2)} s`);
  console.log(`server CPU: instance A ${cpuA.toFixed(1)} s (B's CPU is lost with it)`);
  console.log(`stored reports ${stored.length}; lost acknowledged ${lost.length + missingContent.length}; stored twice ${twice}; partial ${partial.length}; orphan findings ${orphans}`);
  for (const f of failed.slice(0, 3)) console.log(`  failure: ${f.reason?.message ?? f.reason}`);
  // Peer: the floor set by PostgreSQL itself for the same rows and concurrency.
  const peerDb = new pg.Client({ connectionString: cluster.url });
  await peerDb.connect();
  await peerDb.query('DROP DATABASE IF EXISTS aigis_peer');
  await peerDb.query('CREATE DATABASE aigis_peer');
  await peerDb.end();
  const peerUrl = new URL(cluster.url);
  peerUrl.pathname = '/aigis_peer';
  const pool = new pg.Pool({ connectionString: peerUrl.toString(), max: 16 });
  await pool.query('CREATE TABLE f (report int, fingerprint text, rule_id text, severity text, title text, message text, path text, line int, evidence text, PRIMARY KEY (report, fingerprint))');
  const peerStart = performance.now();
  await Promise.all(
    bodies.map(async (body, i) => {
      const rows = JSON.parse(body).findings.map((f) => ({ fingerprint: f.stableFingerprint, rule_id: f.ruleId, severity: f.severity, title: f.title, message: f.message, path: f.location.path, line: f.location.startLine, evidence: f.evidence }));
      await pool.query(
        `INSERT INTO f SELECT $1, r.* FROM jsonb_to_recordset($2::jsonb) AS r(fingerprint text, rule_id text, severity text, title text, message text, path text, line int, evidence text)`,
        [i, JSON.stringify(rows)],
      );
    }),
  );
  const peerWall = (performance.now() - peerStart) / 1000;
  await pool.end();
  console.log(`peer (bare PostgreSQL, one INSERT per report): ${(UPLOADS / peerWall).toFixed(2)} uploads/s, wall ${peerWall.toFixed(1)} s; aigis serve takes ${(wall / peerWall).toFixed(1)}× the time (with an instance killed mid-run)`);
  const pass = failed.length === 0 && lost.length === 0 && missingContent.length === 0 && twice === 0 && partial.length === 0 && orphans === 0 && stored.length === UPLOADS;
  console.log(pass ? 'PASS: no acknowledged report lost, none stored twice, no partial report' : 'FAIL');
  process.exitCode = pass ? 0 : 1;
} finally {
  for (const s of [a, b]) if (s && s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  cluster.stop();
}
