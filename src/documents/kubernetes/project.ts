/**
 * The project view: every Kubernetes object of the target, their pods and containers as run
 * views, and the exposures that reach each container across files — a NodePort Service, or a
 * LoadBalancer that is not internal (service-exposure.ts), selecting the pod's labels in its
 * namespace, an Ingress or HTTPRoute whose backend is such a Service (or the head Service KubeRay creates), `hostNetwork`, `hostPort`, a
 * RayCluster head `serviceType`, and KServe InferenceServices (external through the ingress gateway
 * unless labelled cluster-local).
 */
import { splitArgs, type Exposure, type Located, type RunView } from '../run-view.js';
import type { ContainerView, K8sFile, K8sObject, K8sProject, PodView } from './model.js';
import { isObj } from './parse.js';
import { containerEnv, envSources, type EnvSources } from './env.js';
import { podViews } from './pods.js';
import { serviceExposure } from './service-exposure.js';

interface SvcPort {
  port?: number;
  name?: string;
  target?: number | string;
}

export function buildProject(files: { path: string; document: K8sFile }[]): K8sProject {
  const objects = files.flatMap((f) => f.document.objects);
  const pods = objects.flatMap(podViews);
  const exposures = new Map<PodView, Exposure[]>();
  const add = (pod: PodView, e: Exposure) => {
    const list = exposures.get(pod) ?? [];
    if (!list.some((x) => x.via === e.via && JSON.stringify(x.ports) === JSON.stringify(e.ports))) list.push(e);
    exposures.set(pod, list);
  };

  const services = new Map<string, { obj: K8sObject; pods: PodView[]; ports: SvcPort[] }>();
  // Pods by namespace and label (in pod order): a Service's selector is matched against the pods that
  // carry its first label only, not against every pod (5,000 Services × 5,000 pods was quadratic).
  const byLabel = new Map<string, PodView[]>();
  for (const p of pods) {
    for (const [k, v] of Object.entries(p.labels)) {
      const key = `${p.object.namespace}\u0000${k}\u0000${v}`;
      const list = byLabel.get(key);
      if (list) list.push(p);
      else byLabel.set(key, [p]);
    }
  }
  for (const obj of objects.filter((o) => o.kind === 'Service')) {
    const spec = isObj(obj.value.spec) ? obj.value.spec : {};
    const selector = isObj(spec.selector) ? spec.selector : undefined;
    const entries = selector ? Object.entries(selector).map(([k, v]) => [k, String(v)] as const) : [];
    const targets = entries.length
      ? (byLabel.get(`${obj.namespace}\u0000${entries[0][0]}\u0000${entries[0][1]}`) ?? []).filter((p) => entries.every(([k, v]) => p.labels[k] === v))
      : [];
    const ports: SvcPort[] = Array.isArray(spec.ports)
      ? spec.ports.filter(isObj).map((p) => ({ port: num(p.port), name: typeof p.name === 'string' ? p.name : undefined, target: typeof p.targetPort === 'string' ? (num(p.targetPort) ?? p.targetPort) : num(p.targetPort) }))
      : [];
    services.set(`${obj.namespace}/${obj.name}`, { obj, pods: targets, ports });
    const { type, external } = serviceExposure(obj);
    if (!external) continue;
    for (const pod of targets) add(pod, { via: `Service ${obj.namespace}/${obj.name} (${type})`, ports: reached(pod, ports), path: obj.path, line: obj.doc.lineOf([...obj.base, 'spec', 'type']) });
  }

  // Ingress / HTTPRoute backends → Services (including the head Service KubeRay creates).
  for (const obj of objects) {
    for (const b of backends(obj)) {
      const svc = services.get(`${b.namespace}/${b.service}`);
      const via = `${obj.kind} ${obj.namespace}/${obj.name}`;
      if (svc) {
        const ports = b.port === undefined ? svc.ports : svc.ports.filter((p) => p.port === b.port || p.name === b.port);
        for (const pod of svc.pods) add(pod, { via, ports: reached(pod, ports.length ? ports : svc.ports), path: obj.path, line: b.line });
        continue;
      }
      const head = /^(.+)-head-svc$/.exec(b.service);
      if (!head) continue;
      for (const pod of pods) {
        if (pod.role !== 'ray-head' || pod.object.namespace !== b.namespace || pod.object.name !== head[1]) continue;
        add(pod, { via, ports: typeof b.port === 'number' ? [b.port] : 'all', path: obj.path, line: b.line });
      }
    }
  }

  for (const pod of pods) {
    const o = pod.object;
    if (pod.spec.hostNetwork === true) add(pod, { via: 'hostNetwork', ports: 'all', path: o.path, line: pod.lineOf([...pod.at, 'hostNetwork']) });
    for (const c of pod.containers) {
      const ports = Array.isArray(c.value.ports) ? c.value.ports : [];
      ports.forEach((p, i) => {
        if (isObj(p) && num(p.hostPort) !== undefined) add(pod, { via: `hostPort ${String(p.hostPort)}`, ports: [num(p.containerPort) ?? num(p.hostPort)!], path: o.path, line: pod.lineOf([...c.at, 'ports', i, 'hostPort']) });
      });
    }
    if (pod.role === 'ray-head') {
      const group = at(o.value, pod.at.slice(0, -2));
      const type = isObj(group) ? group.serviceType : undefined;
      if (type === 'LoadBalancer' || type === 'NodePort') add(pod, { via: `Ray head Service (${type})`, ports: 'all', path: o.path, line: pod.lineOf([...pod.at.slice(0, -2), 'serviceType']) });
    }
    if (o.kind === 'InferenceService' && pod.role === 'model-server') {
      const labels = isObj(o.value.metadata) && isObj(o.value.metadata.labels) ? o.value.metadata.labels : {};
      const local = labels['networking.kserve.io/visibility'] === 'cluster-local' || labels['networking.knative.dev/visibility'] === 'cluster-local' || labels['serving.knative.dev/visibility'] === 'cluster-local';
      if (!local) add(pod, { via: `KServe InferenceService ${o.namespace}/${o.name} (ingress gateway; not labelled cluster-local)`, ports: 'all', path: o.path, line: o.line });
    }
  }

  const sources = envSources(objects);
  const runs = pods.flatMap((pod) => pod.containers.filter((c) => c.list !== 'initContainers').map((c) => ({ ...runView(pod, c, exposures.get(pod) ?? [], sources), pod, container: c })));
  const values = files.filter((f) => f.document.values).map((f) => ({ path: f.path, parse: f.document.values! }));
  return { objects, pods, runs, values };
}

function runView(pod: PodView, c: ContainerView, exposure: Exposure[], sources: EnvSources): RunView {
  const o = pod.object;
  const argv: Located<string>[] = [];
  for (const key of ['command', 'args'] as const) {
    const list = c.value[key];
    if (!Array.isArray(list)) continue;
    list.forEach((x, i) => {
      if (typeof x !== 'string' && typeof x !== 'number') return;
      const line = pod.lineOf([...c.at, key, i]);
      for (const t of splitArgs(String(x))) argv.push({ value: t, line });
    });
  }
  argv.push(...pod.extraArgs);
  const { env, unresolved } = containerEnv(c.value, o.namespace, sources, (p) => pod.lineOf([...c.at, ...p]));
  const ports: RunView['ports'] = [];
  if (Array.isArray(c.value.ports)) {
    c.value.ports.forEach((p, i) => {
      const n = isObj(p) ? num(p.containerPort) : undefined;
      if (n !== undefined) ports.push({ port: n, name: isObj(p) && typeof p.name === 'string' ? p.name : undefined, line: pod.lineOf([...c.at, 'ports', i]) });
    });
  }
  const image = typeof c.value.image === 'string' ? { value: c.value.image, line: pod.lineOf([...c.at, 'image']) } : undefined;
  return {
    path: o.path, assetId: `k8s:${o.namespace}/${o.kind}/${o.name}`, key: `${o.ref}/${pod.at.join('.')}/${c.list}/${c.name}`,
    label: `${o.kind} ${o.namespace}/${o.name}, container ${c.name}`, line: c.line, image, argv, env, ...(unresolved.length ? { envUnresolved: unresolved } : {}), ports, gpu: pod.gpu, exposure, role: pod.role,
  };
}

/** Container ports that a Service's ports reach in this pod. */
function reached(pod: PodView, ports: SvcPort[]): number[] | 'all' {
  if (!ports.length) return 'all';
  const out: number[] = [];
  for (const p of ports) {
    const t = p.target ?? p.port;
    if (typeof t === 'number') out.push(t);
    else if (typeof t === 'string') {
      const named = pod.containers.flatMap((c) => (Array.isArray(c.value.ports) ? c.value.ports : [])).find((cp) => isObj(cp) && cp.name === t);
      const n = isObj(named) ? num(named.containerPort) : undefined;
      if (n === undefined) return 'all';
      out.push(n);
    }
  }
  return out.length ? [...new Set(out)] : 'all';
}

interface Backend {
  service: string;
  namespace: string;
  port?: number | string;
  line: number;
}

function backends(obj: K8sObject): Backend[] {
  const out: Backend[] = [];
  const spec = isObj(obj.value.spec) ? obj.value.spec : {};
  const lineOf = (p: (string | number)[]) => obj.doc.lineOf([...obj.base, 'spec', ...p]);
  if (obj.kind === 'Ingress') {
    const one = (b: unknown, p: (string | number)[]) => {
      if (!isObj(b)) return;
      if (isObj(b.service) && typeof b.service.name === 'string') {
        const port = isObj(b.service.port) ? (num(b.service.port.number) ?? (typeof b.service.port.name === 'string' ? b.service.port.name : undefined)) : undefined;
        out.push({ service: b.service.name, namespace: obj.namespace, port, line: lineOf([...p, 'service', 'name']) });
      } else if (typeof b.serviceName === 'string') {
        out.push({ service: b.serviceName, namespace: obj.namespace, port: num(b.servicePort) ?? (typeof b.servicePort === 'string' ? b.servicePort : undefined), line: lineOf([...p, 'serviceName']) });
      }
    };
    one(spec.defaultBackend ?? spec.backend, [spec.defaultBackend ? 'defaultBackend' : 'backend']);
    (Array.isArray(spec.rules) ? spec.rules : []).forEach((r, i) => {
      const paths = isObj(r) && isObj(r.http) && Array.isArray(r.http.paths) ? r.http.paths : [];
      paths.forEach((p, j) => one(isObj(p) ? p.backend : undefined, ['rules', i, 'http', 'paths', j, 'backend']));
    });
  } else if (/^(?:HTTPRoute|GRPCRoute|TLSRoute|TCPRoute)$/.test(obj.kind) && /gateway\.networking\.k8s\.io/.test(obj.apiVersion)) {
    (Array.isArray(spec.rules) ? spec.rules : []).forEach((r, i) => {
      const refs = isObj(r) && Array.isArray(r.backendRefs) ? r.backendRefs : [];
      refs.forEach((b, j) => {
        if (!isObj(b) || typeof b.name !== 'string' || (b.kind !== undefined && b.kind !== 'Service')) return;
        out.push({ service: b.name, namespace: typeof b.namespace === 'string' ? b.namespace : obj.namespace, port: num(b.port), line: lineOf(['rules', i, 'backendRefs', j, 'name']) });
      });
    });
  }
  return out;
}

function at(root: unknown, p: (string | number)[]): unknown {
  let cur = root;
  for (const k of p) cur = isObj(cur) || Array.isArray(cur) ? (cur as Record<string | number, unknown>)[k] : undefined;
  return cur;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d{1,5}$/.test(v)) return Number(v);
  return undefined;
}
