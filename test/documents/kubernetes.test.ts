/** The Kubernetes document layer: positions across documents, Lists, skipped kinds, hostile input, exposure. */
import { describe, expect, it } from 'vitest';
import { kubernetesKind } from '../../src/documents/kubernetes/index.js';
import { parseYamlDocs } from '../../src/documents/yaml.js';
import { resolve } from '../../src/documents/dockerfile/index.js';

const parse = (files: Record<string, string>) => kubernetesKind.project(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)).map(([path, text]) => ({ path, document: kubernetesKind.parse({ path, text }).document! })))[0];

describe('YAML documents', () => {
  it('gives the key line of members across document markers and directives', () => {
    const text = 'a: 1\n---\n# c\nb:\n  c: [x, y]\n...\n%YAML 1.2\n---\nd:\n  - e: 2\n';
    const { docs, errors } = parseYamlDocs(text);
    expect(errors).toEqual([]);
    expect(docs.map((d) => d.startLine)).toEqual([1, 4, 9]);
    expect(docs[1].lineOf(['b', 'c'])).toBe(5);
    expect(docs[2].lineOf(['d', 0, 'e'])).toBe(10);
    expect(docs[2].lineOf(['d', 0, 'missing'])).toBe(10);
  });
  it('reports a broken document with its line and keeps the others', () => {
    const { docs, errors } = parseYamlDocs('a: 1\n---\nb: [\n---\nc: 3\n');
    expect(docs.map((d) => d.value)).toEqual([{ a: 1 }, { c: 3 }]);
    expect(errors[0]).toMatch(/line [34]\)/);
  });
  it('stops alias bombs with a note', () => {
    const bomb = 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    const { docs, errors } = parseYamlDocs(bomb);
    expect(docs).toEqual([]);
    expect(errors.length).toBe(1);
  });
});

describe('Kubernetes kind', () => {
  it('reads List items, drops CRDs before parsing, skips unrendered Helm templates, keeps Helm values', () => {
    const list = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: s}\n';
    const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: x}\nspec: {group: [unclosed\n';
    const doc = kubernetesKind.parse({ path: 'a.yaml', text: `${list}---\n${crd}` }).document!;
    expect(doc.objects.map((o) => [o.ref, o.line])).toEqual([['Service/default/s', 5]]);
    expect(doc.errors).toEqual([]);
    expect(kubernetesKind.parse({ path: 'chart/templates/d.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n' })).toEqual({});
    expect(kubernetesKind.parse({ path: 'notes.yaml', text: 'replicas: 1\n' })).toEqual({});
    expect(kubernetesKind.parse({ path: 'chart/values.yaml', text: 'replicas: 1\n' }).document?.values?.docs[0].value).toEqual({ replicas: 1 });
  });

  it('finds pod templates of AI CRDs with their roles and GPU placement', () => {
    const p = parse({
      'lws.yaml': 'apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata: {name: l}\nspec:\n  leaderWorkerTemplate:\n    leaderTemplate:\n      spec:\n        containers: [{name: lead, image: vllm/vllm-openai:v0.6.3}]\n    workerTemplate:\n      spec:\n        tolerations: [{key: nvidia.com/gpu, operator: Exists}]\n        containers: [{name: w, image: vllm/vllm-openai:v0.6.3}]\n',
      'isvc.yaml': 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata: {name: i, labels: {networking.kserve.io/visibility: cluster-local}}\nspec:\n  predictor:\n    model:\n      modelFormat: {name: huggingface}\n      args: [--trust-remote-code]\n',
      'job.yaml': 'apiVersion: ray.io/v1\nkind: RayJob\nmetadata: {name: j}\nspec:\n  rayClusterSpec:\n    headGroupSpec:\n      rayStartParams: {dashboard-host: 0.0.0.0}\n      template:\n        spec:\n          containers: [{name: h, image: rayproject/ray:2.40.0}]\n',
    });
    expect(p.runs.map((r) => [r.label, r.role ?? '-', r.gpu, r.exposure.length])).toEqual([
      ['InferenceService default/i, container model', 'model-server', false, 0],
      ['RayJob default/j, container h', 'ray-head', false, 0],
      ['LeaderWorkerSet default/l, container lead', '-', false, 0],
      ['LeaderWorkerSet default/l, container w', '-', true, 0],
    ]);
    expect(p.runs[1].argv.map((a) => [a.value, a.line])).toEqual([['--dashboard-host=0.0.0.0', 7]]);
  });

  it('reads a container environment through envFrom: scanned keys with prefix, env overriding, unscanned sources listed', () => {
    const dep = [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d, namespace: a}', 'spec:', '  template:', '    spec:', '      containers:', '        - name: c', '          image: x:1',
      '          envFrom:', '            - configMapRef: {name: cm}', '            - prefix: S_', '              secretRef: {name: sec}', '            - secretRef: {name: missing}',
      '          env:', '            - {name: MODE, value: env}', '',
    ].join('\n');
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, namespace: a}\ndata: {MODE: cm, PORT: 8000, "bad=key": x}\nbinaryData: {BLOB: AA==}\n';
    const sec = 'apiVersion: v1\nkind: Secret\nmetadata: {name: sec, namespace: a}\ndata: {TOKEN: eA==}\nstringData: {TOKEN: y, KEY: z}\n';
    const p = parse({ 'd.yaml': dep, 'cm.yaml': cm, 's.yaml': sec });
    const run = p.runs[0];
    expect(run.env.map((e) => [e.name, e.value, e.line])).toEqual([['PORT', '8000', 11], ['BLOB', undefined, 11], ['S_TOKEN', undefined, 12], ['S_KEY', undefined, 12], ['MODE', 'env', 16]]);
    expect(run.envUnresolved).toEqual([{ value: 'Secret missing', line: 14 }]);
    const alone = parse({ 'd.yaml': dep.replace('            - secretRef: {name: missing}\n', '') }).runs[0];
    expect(alone.envUnresolved).toEqual([{ value: 'ConfigMap cm', line: 11 }, { value: 'Secret sec', line: 12 }]);
  });

  it('does not count internal load balancers as exposure: cloud annotations, private source ranges', () => {
    const dep = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: a}\nspec:\n  template:\n    metadata: {labels: {app: d}}\n    spec:\n      containers: [{name: c, image: x:1}]\n';
    const svc = (extra: string, spec = '') => `apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: a${extra}}\nspec:\n  type: LoadBalancer\n  selector: {app: d}${spec}\n`;
    const via = (s: string) => parse({ 'd.yaml': dep, 's.yaml': s }).runs[0].exposure.map((e) => e.via);
    expect(via(svc(''))).toEqual(['Service a/s (LoadBalancer)']);
    expect(via(svc(', annotations: {cloud.google.com/load-balancer-type: Internal}'))).toEqual([]);
    expect(via(svc(', annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internal}'))).toEqual([]);
    expect(via(svc(', annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing}'))).toEqual(['Service a/s (LoadBalancer)']);
    expect(via(svc('', '\n  loadBalancerSourceRanges: [192.168.0.0/16, "fc00::/7"]'))).toEqual([]);
    expect(via(svc('', '\n  loadBalancerSourceRanges: [192.168.0.0/16, 8.8.8.8/32]'))).toEqual(['Service a/s (LoadBalancer)']);
    expect(via(svc(', annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}', '\n  externalIPs: [203.0.113.7]'))).toEqual(['Service a/s (LoadBalancer)']);
  });

  it('computes exposure across files: Service selector and namespace, HTTPRoute, named target ports', () => {
    const dep = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: a}\nspec:\n  template:\n    metadata: {labels: {app: d, tier: x}}\n    spec:\n      containers:\n        - name: c\n          image: x:1\n          ports: [{containerPort: 9000, name: http}]\n';
    const svc = (ns: string, type: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: ${ns}}\nspec:\n  type: ${type}\n  selector: {app: d}\n  ports: [{port: 80, targetPort: http}]\n`;
    const route = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: a}\nspec:\n  rules:\n    - backendRefs:\n        - name: s\n          port: 80\n';
    expect(parse({ 'd.yaml': dep, 's.yaml': svc('b', 'LoadBalancer') }).runs[0].exposure).toEqual([]);
    expect(parse({ 'd.yaml': dep, 's.yaml': svc('a', 'LoadBalancer') }).runs[0].exposure).toEqual([{ via: 'Service a/s (LoadBalancer)', ports: [9000], path: 's.yaml', line: 5 }]);
    expect(parse({ 'd.yaml': dep, 's.yaml': svc('a', 'ClusterIP'), 'r.yaml': route }).runs[0].exposure).toEqual([{ via: 'HTTPRoute a/r', ports: [9000], path: 'r.yaml', line: 7 }]);
  });
});

describe('Dockerfile variables', () => {
  it('resolves ${VAR}, ${VAR:-default}, ${VAR:+alt} and $VAR', () => {
    const vars = new Map([['A', '1'], ['E', '']]);
    expect(resolve('x${A}-$A-${B:-two}-${E:-three}-${A:+set}-${B:+no}', vars)).toBe('x1-1-two-three-set-');
  });
});
