#!/usr/bin/env node
// Benchmark: the built-in AI pack plus the SigmaHQ CloudTrail rules over a few hundred thousand
// CloudTrail events, against jq running the seed's single MFA query on the same files in the same run.
// Needs `npm run build` first and `jq` on the PATH.
//
//   node bench/detect.mjs [events=300000]
//
// Prints events/second for aigis and jq on the {"Records":[…]} form and on JSON lines, the ratio, and
// aigis's peak RSS at two input sizes (memory should stay flat as the input grows).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.argv[2] ?? 300_000);
const sigmaDir = [join(root, 'test/fixtures/corpora/sigma/cloudtrail')].find(existsSync);
if (!existsSync(join(root, 'dist/runtime/session.js'))) throw new Error('run `npm run build` first');
if (spawnSync('jq', ['--version']).status !== 0) throw new Error('jq is not on the PATH');

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

function write(n, dir) {
  const rec = join(dir, `trail-${n}.json`);
  const lines = join(dir, `trail-${n}.jsonl`);
  const a = openSync(rec, 'w');
  const b = openSync(lines, 'w');
  writeSync(a, '{"Records":[');
  let bufA = [];
  let bufB = [];
  for (let i = 0; i < n; i++) {
    const s = JSON.stringify(event(i));
    bufA.push(i ? ',' + s : s);
    bufB.push(s + '\n');
    if (bufA.length === 5000) {
      writeSync(a, bufA.join(''));
      writeSync(b, bufB.join(''));
      bufA = [];
      bufB = [];
    }
  }
  writeSync(a, bufA.join('') + ']}\n');
  writeSync(b, bufB.join(''));
  closeSync(a);
  closeSync(b);
  return { rec, lines };
}

function aigis(file, withSigmaHQ = true) {
  const r = spawnSync(process.execPath, [join(root, 'bench/detect-worker.mjs'), file, withSigmaHQ ? (sigmaDir ?? '') : ''], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const JQ_FILTER = 'select(.additionalEventData.MFAUsed == "No") | {username: .userIdentity.userName, time: .eventTime, ip: .sourceIPAddress}';
// bash's `times` prints the CPU time of the children (jq), so the comparison also holds on a busy machine.
function jq(file, records) {
  const t = performance.now();
  const script = `jq -c '${records ? '.Records[] | ' : ''}${JQ_FILTER}' "$1" > "$2"; wc -l < "$2"; times`;
  const r = spawnSync('bash', ['-c', script, 'bash', file, `${file}.jq-out`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const [count, , children] = r.stdout.trim().split('\n');
  const secs = (children.match(/(\d+)m([\d.]+)s/g) ?? []).map((x) => {
    const [, m, s] = /(\d+)m([\d.]+)s/.exec(x);
    return Number(m) * 60 + Number(s);
  });
  return { ms: performance.now() - t, cpuMs: (secs[0] + secs[1]) * 1000, matches: Number(count) };
}

const dir = mkdtempSync(join(tmpdir(), 'aigis-detect-bench-'));
try {
  const small = Math.round(N / 3);
  process.stdout.write(`generating ${small} and ${N} CloudTrail events in ${dir} …\n`);
  const s = write(small, dir);
  const l = write(N, dir);
  const mib = (f) => (statSync(f).size / 1024 / 1024).toFixed(0);
  process.stdout.write(`sizes: ${mib(l.rec)} MiB ({"Records":[…]}), ${mib(l.lines)} MiB (JSON lines); SigmaHQ rules: ${sigmaDir ?? 'not found'}\n\n`);
  const eps = (n, ms) => Math.round(n / (ms / 1000));
  const rows = [];
  for (const [form, file, records] of [['{"Records":[…]}', l.rec, true], ['JSON lines', l.lines, false]]) {
    const a = aigis(file);
    const j = jq(file, records);
    rows.push({ form, a, j });
    const f = (n) => n.toLocaleString('en-US').padStart(9);
    process.stdout.write(
      `${form}: aigis ${a.rules} rules, ${a.alerts} alerts, peak RSS ${a.maxRssMiB.toFixed(0)} MiB; jq 1 query, ${j.matches} matches\n` +
        `  wall time: aigis ${f(eps(a.events, a.ms))} ev/s | jq ${f(eps(N, j.ms))} ev/s | ratio ${(j.ms / a.ms).toFixed(2)}x\n` +
        `  CPU time:  aigis ${f(eps(a.events, a.cpuMs))} ev/s | jq ${f(eps(N, j.cpuMs))} ev/s | ratio ${(j.cpuMs / a.cpuMs).toFixed(2)}x\n`,
    );
  }
  // For reference only: the built-in AI pack alone (the SigmaHQ rule "AWS STS AssumeRole Misuse" matches
  // every assumed-role event, so with SigmaHQ loaded most events alert and alert creation dominates).
  const b = aigis(l.lines, false);
  process.stdout.write(`JSON lines, built-in pack only (${b.rules} rules, ${b.alerts} alerts): ${eps(b.events, b.ms).toLocaleString('en-US')} ev/s wall, ${eps(b.events, b.cpuMs).toLocaleString('en-US')} ev/s CPU, peak RSS ${b.maxRssMiB.toFixed(0)} MiB\n`);
  const aSmall = aigis(s.rec);
  const aLarge = rows[0].a;
  process.stdout.write(`\npeak RSS, {"Records":[…]} form: ${small} events → ${aSmall.maxRssMiB.toFixed(0)} MiB; ${N} events → ${aLarge.maxRssMiB.toFixed(0)} MiB\n`);
} finally {
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
}
