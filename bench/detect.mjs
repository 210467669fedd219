#!/usr/bin/env node
// Benchmark: `aigis detect` (the built CLI, built-in AI pack) against jq running the seed's single MFA
// query on the same CloudTrail events in the same run, at 50k, 200k and 1M events; also with `-o FILE`,
// on the {"Records":[…]} form, and with the SigmaHQ CloudTrail rules added (by default the copy in
// test/fixtures/corpora/sigma/cloudtrail, Detection Rule License 1.1; --sigma DIR names another folder,
// and the row is skipped with a message when there is none). Needs `npm run build` first and `jq` on the
// PATH (`apt-get install -y jq`). Reads nothing outside the repository unless --sigma says so.
//
//   node bench/detect.mjs [sizes=50000,200000,1000000] [--runs N] [--sigma DIR]
//                                                           (KEEP=DIR keeps the generated files in DIR)
//
// --runs N (default 3) measures each row N times, jq and aigis interleaved, and prints the medians:
// the machine is shared, so single runs are noisy.
// Each run is one process measured by /usr/bin/time (wall, user+sys CPU of all its threads, peak RSS), so
// start-up, reading, parsing and writing the alerts are all counted. aigis runs with its default
// `--threads auto` (a second thread screens inputs of 16 MiB or more); at 200k a `--threads 1` row shows
// the one-core figure. Ratios above 1 mean aigis is faster. CPU time is the
// fairer figure on a shared machine; both are printed.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const RUNS = Math.max(1, Number(opt('--runs', '3')));
const sigmaDir = resolve(opt('--sigma', join(root, 'test/fixtures/corpora/sigma/cloudtrail')));
const SIZES = (args[0] ?? '50000,200000,1000000').split(',').map(Number);
const cli = join(root, 'dist/cli/main.js');
if (!existsSync(cli)) throw new Error('run `npm run build` first');
if (spawnSync('jq', ['--version']).status !== 0) throw new Error('jq is not on the PATH (apt-get install -y jq)');
if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is needed (apt-get install -y time)');

// --- a realistic CloudTrail mix (deterministic pseudo-random) ---
let seed = 42;
// mulberry32: small, fast, good enough for a deterministic mix
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const users = Array.from({ length: 200 }, (_, i) => ({ type: 'IAMUser', principalId: `AIDA${hex(16).toUpperCase()}`, arn: `arn:aws:iam::111122223333:user/user${i}`, accountId: '111122223333', accessKeyId: `AKIA${hex(16).toUpperCase()}`, userName: `user${i}` }));
const roles = Array.from({ length: 50 }, (_, i) => ({
  type: 'AssumedRole', principalId: `AROA${hex(16).toUpperCase()}:session${i}`, arn: `arn:aws:sts::111122223333:assumed-role/app-role-${i}/session${i}`, accountId: '111122223333', accessKeyId: `ASIA${hex(16).toUpperCase()}`,
  sessionContext: { sessionIssuer: { type: 'Role', principalId: `AROA${hex(16).toUpperCase()}`, arn: `arn:aws:iam::111122223333:role/app-role-${i}`, accountId: '111122223333', userName: `app-role-${i}` }, attributes: { creationDate: '2026-11-20T08:00:00Z', mfaAuthenticated: 'false' } },
}));
// [weight, source, name, requestParameters, responseElements, extra]
const MIX = [
  [20, 'ec2', 'DescribeInstances', () => ({ instancesSet: {}, filterSet: {} }), () => null],
  [12, 's3', 'GetObject', () => ({ bucketName: `data-${Math.floor(rnd() * 20)}`, key: `datasets/${hex(8)}.parquet`, Host: 's3.amazonaws.com' }), () => null, { eventCategory: 'Data', managementEvent: false }],
  [10, 'sts', 'AssumeRole', () => ({ roleArn: 'arn:aws:iam::111122223333:role/app-role-1', roleSessionName: `s${hex(6)}`, durationSeconds: 3600 }), () => ({ credentials: { accessKeyId: `ASIA${hex(16).toUpperCase()}`, sessionToken: '…', expiration: 'Nov 20, 2026, 11:00:00 AM' } })],
  [10, 'kms', 'Decrypt', () => ({ encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: { 'aws:s3:arn': 'arn:aws:s3:::data-1' } }), () => null],
  [8, 'bedrock', 'InvokeModel', () => ({ modelId: pick(['anthropic.claude-3-haiku-20240307-v1:0', 'amazon.titan-embed-text-v2:0']) }), () => null],
  [8, 'lambda', 'Invoke', () => ({ functionName: `arn:aws:lambda:us-east-1:111122223333:function:f${Math.floor(rnd() * 30)}` }), () => null, { eventCategory: 'Data', managementEvent: false }],
  [6, 'iam', 'ListRoles', () => null, () => null],
  [6, 'logs', 'CreateLogStream', () => ({ logGroupName: '/aws/lambda/f1', logStreamName: hex(32) }), () => null],
  [5, 'sagemaker', 'DescribeEndpoint', () => ({ endpointName: 'llm-endpoint' }), () => null],
  [4, 'ec2', 'RunInstances', () => ({ instanceType: 'g5.xlarge', minCount: 1, maxCount: 1 }), () => ({ instancesSet: { items: [{ instanceId: `i-${hex(17)}` }] } })],
  [3, 'secretsmanager', 'GetSecretValue', () => ({ secretId: 'prod/openai-key' }), () => null],
  [3, 'signin', 'ConsoleLogin', () => null, () => ({ ConsoleLogin: rnd() < 0.9 ? 'Success' : 'Failure' }), () => ({ eventType: 'AwsConsoleSignIn', additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: rnd() < 0.8 ? 'Yes' : 'No' } })],
  [2, 'iam', 'CreateAccessKey', () => ({ userName: `user${Math.floor(rnd() * 200)}` }), () => ({ accessKey: { accessKeyId: `AKIA${hex(16).toUpperCase()}`, status: 'Active', userName: 'user1' } })],
  [2, 'bedrock', 'ListFoundationModels', () => null, () => null],
  [1, 's3', 'PutBucketPolicy', () => ({ bucketName: 'data-1', bucketPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: '*' }] } }), () => null],
  [1, 'cloudtrail', 'LookupEvents', () => ({ maxResults: 50 }), () => null],
];
const total = MIX.reduce((s, m) => s + m[0], 0);
const T0 = Date.parse('2026-11-20T00:00:00Z');
function event(i) {
  let r = rnd() * total;
  const m = MIX.find((x) => (r -= x[0]) < 0) ?? MIX[0];
  const [, source, name, req, res, extra] = m;
  const ident = rnd() < 0.6 ? pick(roles) : pick(users);
  const ev = {
    eventVersion: '1.09', userIdentity: ident, eventTime: new Date(T0 + i * 250).toISOString().replace(/\.\d+Z$/, 'Z'), eventSource: `${source}.amazonaws.com`, eventName: name, awsRegion: pick(['us-east-1', 'eu-west-1', 'us-west-2']),
    sourceIPAddress: `${Math.floor(rnd() * 223) + 1}.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}`,
    userAgent: pick(['aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0 exe/x86_64.ubuntu.22', 'Boto3/1.34.11 md/Botocore#1.34.11 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.6', 'aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)']),
    requestParameters: req(), responseElements: res(), requestID: uuid(), eventID: uuid(), readOnly: name.startsWith('Describe') || name.startsWith('Get') || name.startsWith('List'),
    eventType: 'AwsApiCall', managementEvent: true, recipientAccountId: '111122223333', eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${source}.us-east-1.amazonaws.com` },
  };
  if (typeof extra === 'function') Object.assign(ev, extra());
  else if (extra) Object.assign(ev, extra);
  if (rnd() < 0.02) Object.assign(ev, { errorCode: 'AccessDenied', errorMessage: 'User is not authorized to perform this operation' });
  return ev;
}

function write(n, dir, records) {
  const rec = join(dir, `trail-${n}.json`);
  const lines = join(dir, `trail-${n}.jsonl`);
  seed = 42;
  const a = records ? openSync(rec, 'w') : -1;
  const b = openSync(lines, 'w');
  if (records) writeSync(a, '{"Records":[');
  let bufA = [];
  let bufB = [];
  for (let i = 0; i < n; i++) {
    const s = JSON.stringify(event(i));
    bufA.push(i ? ',' + s : s);
    bufB.push(s + '\n');
    if (bufA.length === 5000) {
      if (records) writeSync(a, bufA.join(''));
      writeSync(b, bufB.join(''));
      bufA = [];
      bufB = [];
    }
  }
  if (records) {
    writeSync(a, bufA.join('') + ']}\n');
    closeSync(a);
  }
  writeSync(b, bufB.join(''));
  closeSync(b);
  return { rec: records ? rec : undefined, lines };
}

/** Runs one command under /usr/bin/time; returns wall and CPU milliseconds and peak RSS in MiB. */
function timed(cmd, args, stdoutFile) {
  const script = `/usr/bin/time -f '@@ %e %U %S %M' "$@" > "${stdoutFile}"`;
  const r = spawnSync('bash', ['-c', script, 'bash', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = /@@ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (!m || (r.status !== 0 && r.status !== 1)) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  return { ms: Number(m[1]) * 1000, cpuMs: (Number(m[2]) + Number(m[3])) * 1000, rssMiB: Number(m[4]) / 1024 };
}
const lineCount = (f) => Number(spawnSync('wc', ['-l', f], { encoding: 'utf8' }).stdout.trim().split(/\s+/)[0]);

/** Median of each figure (ms, cpuMs, rssMiB) over several measurements; counts from the last. */
function med(rs) {
  const mid = (k) => rs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rs.length / 2)];
  return { ...rs.at(-1), ms: mid('ms'), cpuMs: mid('cpuMs'), rssMiB: mid('rssMiB') };
}
/** RUNS measurements of each command, alternating (so that both see the same load); their medians. */
function alternate(...fns) {
  const runs = fns.map(() => []);
  for (let r = 0; r < RUNS; r++) fns.forEach((fn, i) => runs[i].push(fn()));
  return runs.map(med);
}

const JQ_FILTER = 'select(.additionalEventData.MFAUsed == "No") | {username: .userIdentity.userName, time: .eventTime, ip: .sourceIPAddress}';
function jq(file, records, out) {
  const r = timed('jq', ['-c', `${records ? '.Records[] | ' : ''}${JQ_FILTER}`, file], out);
  return { ...r, matches: lineCount(out) };
}
function aigis(file, out, extra = []) {
  const o = extra.includes('-o') ? '/dev/null' : out;
  const r = timed(process.execPath, [cli, 'detect', file, '-f', 'jsonl', '-q', ...extra], o);
  return { ...r, alerts: lineCount(extra.includes('-o') ? extra[extra.indexOf('-o') + 1] : out) };
}

const dir = process.env.KEEP ? mkdtempSync(join(process.env.KEEP, 'aigis-detect-bench-')) : mkdtempSync(join(tmpdir(), 'aigis-detect-bench-'));
const eps = (n, ms) => Math.round(n / (ms / 1000)).toLocaleString('en-US').padStart(10);
const ratio = (j, a) => (j / a).toFixed(2) + 'x';
function row(label, n, a, j) {
  process.stdout.write(
    `  ${label.padEnd(34)} aigis ${eps(n, a.cpuMs)} ev/s CPU ${eps(n, a.ms)} ev/s wall, peak RSS ${a.rssMiB.toFixed(0).padStart(4)} MiB, ${String(a.alerts).padStart(6)} alerts` +
      (j ? ` | jq ${eps(n, j.cpuMs)} ev/s CPU ${eps(n, j.ms)} ev/s wall | ratio CPU ${ratio(j.cpuMs, a.cpuMs)}, wall ${ratio(j.ms, a.ms)}` : '') +
      '\n',
  );
}
try {
  process.stdout.write(`aigis detect vs jq (${process.version}, ${spawnSync('jq', ['--version'], { encoding: 'utf8' }).stdout.trim()}); ev/s = events per second; medians of ${RUNS} run(s)\n`);
  const rss = [];
  for (const n of SIZES) {
    const records = n === 200_000;
    const f = write(n, dir, records);
    const mib = (x) => (statSync(x).size / 1024 / 1024).toFixed(0);
    process.stdout.write(`\n${n.toLocaleString('en-US')} events (${mib(f.lines)} MiB of JSON lines${records ? `, ${mib(f.rec)} MiB as {"Records":[…]}` : ''}):\n`);
    const out = join(dir, 'out');
    const [j, a, ao] = alternate(
      () => jq(f.lines, false, out),
      () => aigis(f.lines, out),
      () => aigis(f.lines, out, ['-o', join(dir, 'alerts.jsonl')]),
    );
    row('JSON lines, built-in pack, stdout', n, a, j);
    row('JSON lines, built-in pack, -o FILE', n, ao, j);
    rss.push([n, a.rssMiB, ao.rssMiB]);
    if (records) {
      const jr = jq(f.rec, true, out);
      row('{"Records":[…]}, built-in pack', n, aigis(f.rec, out), jr);
      row('JSON lines, --threads 1 (one core)', n, aigis(f.lines, out, ['--threads', '1']), j);
      if (existsSync(sigmaDir)) row('JSON lines, + SigmaHQ CloudTrail rules', n, aigis(f.lines, out, ['--rules', sigmaDir]), j);
      else process.stdout.write(`  JSON lines, + SigmaHQ CloudTrail rules: skipped, ${sigmaDir} is not there (--sigma DIR names the rules folder)\n`);
    }
    if (!process.env.KEEP) {
      rmSync(f.lines, { force: true });
      if (f.rec) rmSync(f.rec, { force: true });
    }
  }
  process.stdout.write(`\npeak RSS by input size (stdout / -o FILE): ${rss.map(([n, x, y]) => `${n.toLocaleString('en-US')}: ${x.toFixed(0)} / ${y.toFixed(0)} MiB`).join('; ')}\n`);
} finally {
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  else process.stdout.write(`kept the generated files in ${dir}\n`);
}
