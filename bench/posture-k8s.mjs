#!/usr/bin/env node
/**
 * Benchmark: Kubernetes documents and posture checks.
 *
 *   npm run build && node bench/posture-k8s.mjs [--files 2000] [--bundle-mb 3.5]
 *
 * 1. Memory of one release bundle (like kserve.yaml: mostly CustomResourceDefinitions with large
 *    OpenAPI schemas, plus RBAC, Deployments and Services), generated to about 3.5 MB. Each parser
 *    runs in its own child process, which prints its peak RSS: the previous parser
 *    (`parseAllDocuments` + `toJS` + a `lineOf` closure over each Document, as
 *    src/discovery/yaml-docs.ts had it) against the current Kubernetes document parser. Goal: < 150 MB.
 * 2. Throughput: 2,000 generated manifests (Deployments, Services, Ingresses, RayClusters, GPU pods,
 *    KServe InferenceServices) parsed and checked by every Kubernetes posture rule, in-process, as
 *    the scan's whole-target stage does it; prints files/s, findings and peak RSS, and the same
 *    files parsed by the previous parser for the ratio.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// ---- child modes: parse one file with one parser and print peak RSS ----
if (args[0] === '--child') {
  const [, which, file] = args;
  const text = readFileSync(file, 'utf8');
  const t0 = process.cpuUsage();
  let objects = 0;
  if (which === 'old') {
    const { LineCounter, parseAllDocuments, isNode } = await import('yaml');
    const lc = new LineCounter();
    const all = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
    const docs = [];
    for (const d of all) {
      if (d.errors.length) continue;
      const value = d.toJS({ maxAliasCount: 100 });
      const startLine = d.contents && isNode(d.contents) && d.contents.range ? lc.linePos(d.contents.range[0]).line : 1;
      docs.push({ value, startLine, lineOf: (p) => (d.getIn(p, true)?.range ? lc.linePos(d.getIn(p, true).range[0]).line : startLine) });
    }
    objects = docs.length;
    globalThis.keep = docs; // the scan keeps parsed documents until the end
  } else {
    const { kubernetesKind } = await import(join(DIST, 'documents', 'kubernetes', 'index.js'));
    const parsed = kubernetesKind.parse({ path: 'bundle.yaml', text });
    objects = parsed.document?.objects.length ?? 0;
    globalThis.keep = parsed;
  }
  const cpu = process.cpuUsage(t0);
  console.log(JSON.stringify({ objects, maxRssMb: process.resourceUsage().maxRSS / 1024, cpuS: (cpu.user + cpu.system) / 1e6 }));
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'aigis-posture-k8s-'));
try {
  // ---- 1. bundle memory ----
  const bundle = join(work, 'bundle.yaml');
  writeFileSync(bundle, makeBundle(opt('--bundle-mb', 3.5) * 1024 * 1024));
  const size = readFileSync(bundle).length;
  const run = (which) => {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', which, bundle], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout.trim().split('\n').pop());
  };
  const baseline = run('old');
  const current = run('new');
  console.log(`bundle ${(size / 1024 / 1024).toFixed(2)} MB`);
  console.log(`  previous parser: peak RSS ${baseline.maxRssMb.toFixed(0)} MB, ${baseline.cpuS.toFixed(2)} CPU-s (${baseline.objects} documents kept)`);
  console.log(`  kubernetes kind: peak RSS ${current.maxRssMb.toFixed(0)} MB, ${current.cpuS.toFixed(2)} CPU-s (${current.objects} objects kept; CRDs dropped before conversion)`);
  console.log(`  ratio: ${(baseline.maxRssMb / current.maxRssMb).toFixed(2)}x less memory, ${(baseline.cpuS / current.cpuS).toFixed(2)}x less CPU`);

  // ---- 2. 2,000 manifests, parse + check ----
  const n = opt('--files', 2000);
  const files = Array.from({ length: n }, (_, i) => ({ path: `m/${String(i).padStart(4, '0')}.yaml`, text: makeManifest(i) }));
  const lines = files.reduce((s, f) => s + f.text.split('\n').length, 0);
  const { kubernetesKind } = await import(join(DIST, 'documents', 'kubernetes', 'index.js'));
  const { kubernetesRules } = await import(join(DIST, 'posture', 'kubernetes', 'index.js'));
  const { parseAllDocuments } = await import('yaml');

  const t0 = performance.now();
  for (const f of files) for (const d of parseAllDocuments(f.text)) d.toJS();
  const tOld = performance.now() - t0;

  const t1 = performance.now();
  const docs = files.map((f) => ({ path: f.path, document: kubernetesKind.parse(f).document })).filter((d) => d.document);
  const tParse = performance.now() - t1;
  let findings = 0;
  for (const project of kubernetesKind.project(docs)) for (const rule of kubernetesRules) findings += rule.check(project).length;
  const tAll = performance.now() - t1;
  console.log(`${n} manifests (${lines} lines), ${kubernetesRules.length} rules`);
  console.log(`  previous parser (parse only): ${(tOld / 1000).toFixed(2)} s, ${(n / (tOld / 1000)).toFixed(0)} files/s`);
  console.log(`  kubernetes kind: parse ${(tParse / 1000).toFixed(2)} s, parse+project+check ${(tAll / 1000).toFixed(2)} s, ${(n / (tAll / 1000)).toFixed(0)} files/s, ${findings} findings`);
  console.log(`  ratio (parse only, current/previous time): ${(tParse / tOld).toFixed(2)}`);
  console.log(`  peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** A release bundle: CRDs with deep OpenAPI schemas, RBAC, a Deployment and Services, to `bytes`. */
function makeBundle(bytes) {
  const parts = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const doc = i % 10 === 9 ? smallObjects(i) : crd(i);
    parts.push(doc);
    total += doc.length + 4;
  }
  return parts.join('\n---\n');
}

function crd(i) {
  const prop = (depth, name) => {
    const pad = '  '.repeat(depth + 6);
    if (depth > 5) return `${pad}${name}:\n${pad}  type: string\n${pad}  description: A field of the resource ${name} with a long description that is typical of generated CRDs.\n`;
    let s = `${pad}${name}:\n${pad}  type: object\n${pad}  description: Object ${name}.\n${pad}  properties:\n`;
    for (let k = 0; k < 3; k++) s += prop(depth + 1, `${name.slice(0, 6)}${k}`);
    return s;
  };
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: things${i}.serving.example.io
spec:
  group: serving.example.io
  names: {kind: Thing${i}, plural: things${i}}
  scope: Namespaced
  versions:
  - name: v1beta1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        properties:
${prop(0, 'spec')}`;
}

function smallObjects(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: controller-${i}, namespace: kserve}
spec:
  selector: {matchLabels: {app: c${i}}}
  template:
    metadata: {labels: {app: c${i}}}
    spec:
      containers:
      - name: manager
        image: kserve/kserve-controller:v0.14.0
        ports: [{containerPort: 9443}]
---
apiVersion: v1
kind: Service
metadata: {name: svc-${i}, namespace: kserve}
spec: {selector: {app: c${i}}, ports: [{port: 443, targetPort: 9443}]}`;
}

/** One of several manifest shapes, deterministic by index. */
function makeManifest(i) {
  const ns = `team${i % 7}`;
  switch (i % 5) {
    case 0:
      return `apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm-${i}, namespace: ${ns}}
spec:
  replicas: 1
  selector: {matchLabels: {app: vllm-${i}}}
  template:
    metadata: {labels: {app: vllm-${i}}}
    spec:
      containers:
      - name: vllm
        image: vllm/vllm-openai:v0.6.${i % 4}
        args: ["--model", "mistralai/Mistral-7B-Instruct-v0.3", "--port", "8000"${i % 2 ? ', "--api-key", "$(KEY)"' : ''}]
        ports: [{containerPort: 8000}]
        resources: {limits: {nvidia.com/gpu: 1}}
---
apiVersion: v1
kind: Service
metadata: {name: vllm-${i}, namespace: ${ns}}
spec:
  type: ${i % 3 ? 'ClusterIP' : 'LoadBalancer'}
  selector: {app: vllm-${i}}
  ports: [{port: 80, targetPort: 8000}]
`;
    case 1:
      return `apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: ray-${i}, namespace: ${ns}}
spec:
  headGroupSpec:
    serviceType: ${i % 3 ? 'ClusterIP' : 'LoadBalancer'}
    rayStartParams: {dashboard-host: "0.0.0.0"}
    template:
      spec:
        containers:
        - name: ray-head
          image: rayproject/ray:2.9.3
          ports: [{containerPort: 8265, name: dashboard}, {containerPort: 10001, name: client}]
  workerGroupSpecs:
  - groupName: gpu
    replicas: 2
    rayStartParams: {num-gpus: "1"}
    template:
      spec:
        containers:
        - name: worker
          image: rayproject/ray:2.9.3-gpu
          resources: {limits: {nvidia.com/gpu: 1}}
`;
    case 2:
      return `apiVersion: v1
kind: Pod
metadata: {name: train-${i}, namespace: ${ns}}
spec:
  hostIPC: ${i % 2 ? 'true' : 'false'}
  containers:
  - name: train
    image: nvcr.io/nvidia/pytorch:24.05-py3
    env: [{name: LD_PRELOAD, value: ${i % 4 ? '""' : '/tmp/x.so'}}]
    securityContext: {privileged: ${i % 3 === 0}}
    resources: {limits: {nvidia.com/gpu: 8}}
  volumes:
  - name: host
    hostPath: {path: ${i % 2 ? '/data' : '/'}}
`;
    case 3:
      return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web-${i}, namespace: team${(i - 3) % 7}}
spec:
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend: {service: {name: vllm-${i - 3}, port: {number: 80}}}
`;
    default:
      return `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: isvc-${i}
  namespace: ${ns}
  labels: {networking.kserve.io/visibility: ${i % 2 ? 'cluster-local' : 'exposed'}}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      args: ["--model_name=m", "--model_id=meta-llama/Llama-3.1-8B-Instruct"${i % 3 ? '' : ', "--trust-remote-code"'}]
      resources: {limits: {nvidia.com/gpu: 1}}
`;
  }
}
