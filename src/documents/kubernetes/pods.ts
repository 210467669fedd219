/**
 * The uniform view of pod templates in any object: core workloads (`spec.template.spec`), CronJobs,
 * bare Pods, and AI custom resources whose pod templates sit elsewhere (Ray head and worker groups,
 * LeaderWorkerSet leader/worker templates, Kubeflow Notebooks and training jobs, KServe predictors
 * and serving runtimes). Found by shape (a map with a `containers` list), so new CRDs need no code.
 */
import { isAccelerator } from '../../discovery/infra/signals.js';
import type { YamlPath } from '../yaml.js';
import type { ContainerView, K8sObject, PodView } from './model.js';
import { isObj } from './parse.js';

const MAX_DEPTH = 10;
const MAX_NODES = 5000;
const KSERVE_FRAMEWORKS = ['model', 'sklearn', 'xgboost', 'lightgbm', 'pytorch', 'tensorflow', 'onnx', 'triton', 'huggingface', 'paddle', 'pmml'];
const KSERVE_KINDS = new Set(['InferenceService', 'ServingRuntime', 'ClusterServingRuntime', 'LLMInferenceService', 'InferenceGraph']);

export function podViews(obj: K8sObject): PodView[] {
  const out: PodView[] = [];
  const lineOf = (p: YamlPath) => obj.doc.lineOf([...obj.base, ...p]);
  const meta = isObj(obj.value.metadata) ? obj.value.metadata : {};
  if (obj.kind === 'Pod') {
    if (isObj(obj.value.spec)) out.push(makePod(obj, ['spec'], obj.value.spec, strings(meta.labels), undefined, lineOf));
    return out;
  }
  let nodes = 0;
  const visit = (v: unknown, p: YamlPath, parent: Record<string, unknown> | undefined, depth: number): void => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, [...p, i], parent, depth + 1));
      return;
    }
    if (!isObj(v)) return;
    if (Array.isArray(v.containers)) {
      const template = p[p.length - 1] === 'spec' ? parent : undefined;
      const labels = template && isObj(template.metadata) ? strings(template.metadata.labels) : {};
      out.push(makePod(obj, p, v, labels, rayGroup(obj, p, parentOf(obj.value, p.slice(0, -2))), lineOf));
      return;
    }
    const key = p[p.length - 1];
    if (KSERVE_KINDS.has(obj.kind) && (key === 'predictor' || key === 'transformer' || key === 'explainer')) {
      const fw = KSERVE_FRAMEWORKS.find((k) => isObj(v[k]));
      if (fw) {
        out.push(makePod(obj, p, v, {}, undefined, lineOf, { list: fw, value: v[fw] as Record<string, unknown> }));
        return;
      }
    }
    for (const [k, x] of Object.entries(v)) if (k !== 'metadata' && k !== 'status') visit(x, [...p, k], v, depth + 1);
  };
  visit(obj.value.spec, ['spec'], undefined, 0);
  return out;
}

function parentOf(root: unknown, p: YamlPath): unknown {
  let cur = root;
  for (const k of p) cur = isObj(cur) || Array.isArray(cur) ? (cur as Record<string | number, unknown>)[k] : undefined;
  return cur;
}

/** Ray pods carry labels the operator adds (`ray.io/node-type`, `ray.io/cluster`), which Services select. */
function rayGroup(obj: K8sObject, p: YamlPath, group: unknown): { role: 'ray-head' | 'ray-worker'; labels: Record<string, string>; gpus: boolean; params: Record<string, unknown>; at: YamlPath } | undefined {
  if (!/(?:^|\.)ray\.io\//.test(obj.apiVersion)) return undefined;
  const head = p.includes('headGroupSpec');
  if (!head && !p.includes('workerGroupSpecs')) return undefined;
  const labels: Record<string, string> = { 'ray.io/node-type': head ? 'head' : 'worker' };
  if (obj.kind === 'RayCluster') labels['ray.io/cluster'] = obj.name;
  const params = isObj(group) && isObj(group.rayStartParams) ? group.rayStartParams : {};
  return { role: head ? 'ray-head' : 'ray-worker', labels, gpus: Number(params['num-gpus'] ?? 0) > 0, params, at: [...p.slice(0, -2), 'rayStartParams'] };
}

function makePod(
  obj: K8sObject, at: YamlPath, spec: Record<string, unknown>, labels: Record<string, string>,
  ray: ReturnType<typeof rayGroup>, lineOf: (p: YamlPath) => number, model?: { list: string; value: Record<string, unknown> },
): PodView {
  const containers: ContainerView[] = [];
  for (const list of ['initContainers', 'containers'] as const) {
    const arr = spec[list];
    if (!Array.isArray(arr)) continue;
    arr.forEach((c, i) => {
      if (isObj(c)) containers.push(container(c, list, [...at, list, i], typeof c.name === 'string' ? c.name : `#${i}`, lineOf));
    });
  }
  if (model) containers.push(container(model.value, 'model', [...at, model.list], model.list, lineOf));
  const role = ray?.role ?? (obj.kind === 'Notebook' ? 'notebook' : KSERVE_KINDS.has(obj.kind) ? 'model-server' : undefined);
  const gpu = containers.some((c) => c.gpu) || !!ray?.gpus || gpuScheduling(spec);
  const extraArgs = ray ? Object.entries(ray.params).map(([k, v]) => ({ value: `--${k}=${String(v as string)}`, line: lineOf([...ray.at, k]) })) : [];
  return { object: obj, at, spec, labels: { ...labels, ...ray?.labels }, role, containers, gpu, extraArgs, lineOf };
}

function container(c: Record<string, unknown>, list: string, at: YamlPath, name: string, lineOf: (p: YamlPath) => number): ContainerView {
  const res = isObj(c.resources) ? c.resources : {};
  const gpu = [res.limits, res.requests].some((r) => isObj(r) && Object.keys(r).some((k) => isAccelerator(k) && String(r[k]) !== '0'));
  return { name, list, at, line: lineOf(at), value: c, securityContext: isObj(c.securityContext) ? c.securityContext : {}, gpu };
}

/** A pod placed on GPU nodes without requesting a GPU resource (node selector, toleration, runtime class). */
function gpuScheduling(spec: Record<string, unknown>): boolean {
  if (typeof spec.runtimeClassName === 'string' && /nvidia/i.test(spec.runtimeClassName)) return true;
  const sel = isObj(spec.nodeSelector) ? spec.nodeSelector : {};
  if (Object.entries(sel).some(([k, v]) => /nvidia\.com\/gpu|gke-accelerator|accelerator/i.test(k) || /nvidia|gpu/i.test(String(v)))) return true;
  const tol = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  return tol.some((t) => isObj(t) && typeof t.key === 'string' && /nvidia\.com\/gpu|amd\.com\/gpu/.test(t.key));
}

export function strings(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObj(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') out[k] = String(x);
  return out;
}
