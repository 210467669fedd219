/**
 * Kubernetes manifests (multi-document YAML, `kind: List`): AI custom resources and workloads whose
 * containers run AI images, request accelerators, serve a model or use an LLM provider; their
 * images, models, providers and the Services that expose them. Non-AI workloads are not reported.
 */
import type { Analyzer, AnalyzerResult, CollectedDocument, FileInfo } from '../../core/analyzer.js';
import type { Asset, AssetKind, Note, Relation } from '../../core/model.js';
import { classifyImage } from '../../catalog/ai-images.js';
import { asset, at } from '../assets.js';
import { hfRepoId, providerModelId } from '../ids.js';
import { isRecord } from '../json-doc.js';
import { parseYamlDocs, yamlDocsParser, type YamlDoc, type YamlParse } from '../../documents/yaml.js';
import { isPlaceholderUri } from '../placeholders.js';
import { llmConfigModels } from './ray-serve.js';
import { ollamaChartModels } from './ollama-values.js';
import { COMPOSE_NAME, HELM_VALUES, kubernetesKind } from '../../documents/kubernetes/index.js';
import { isHelmTemplate, looksLikeManifest } from '../../documents/kubernetes/parse.js';
import { kindParser } from '../../posture/analyzer.js';
import { addEnv, addGpu, addImage, addModels, addOllamaModels, emptyFound, isAccelerator, modelsFromArgs, ollamaModelsFromArgs, tokens } from './signals.js';
import { aiKind, WORKLOAD_KINDS } from './k8s-kinds.js';

/** Re-exported for the other YAML analyzers (the parsers live in src/documents). */
export { COMPOSE_NAME, yamlDocsParser };

/** The memoised Kubernetes document parser: the posture checks read the same parse. */
const kubernetesParser = kindParser(kubernetesKind);
const MAX_NODES = 20000;
type Path = (string | number)[];

export const k8sAnalyzer: Analyzer = {
  name: 'bom-k8s',
  version: 1,
  rules: [],
  match(f: FileInfo) {
    return (f.ext === '.yaml' || f.ext === '.yml') && !COMPOSE_NAME.test(f.name) && f.size < 8 * 1024 * 1024 && !/(?:^|\/)node_modules\//.test(f.path);
  },
  async analyze(file, ctx): Promise<AnalyzerResult> {
    const text = await file.text();
    if (text === undefined) return {};
    if (HELM_VALUES.test(file.name)) {
      const dir = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/') + 1) : '';
      const values = ctx.exists?.(`${dir}Chart.yaml`) ? (await file.parsed(kubernetesParser)).document?.values : undefined;
      if (values) return helmValues(file.path, dir, values);
    }
    // A values file kept for `helm install -f` (no chart beside it): the Ollama models it pulls.
    if (VALUES_FILE.test(file.name) && /^\s*ollama\s*:/m.test(text) && !looksLikeManifest(text)) return { assets: pulledByValues(file.path, await file.parsed(yamlDocsParser)) };
    if (!looksLikeManifest(text)) return {};
    if (isHelmTemplate(file.path, text)) {
      return { notes: [{ level: 'info', path: file.path, message: 'bom-k8s: Helm template not rendered; render it (helm template) to inventory it', source: 'bom-k8s' }] };
    }
    const parsed = (await file.parsed(kubernetesParser)).document;
    if (!parsed) return {};
    const notes: Note[] = parsed.errors.map((e) => ({ level: 'warning' as const, path: file.path, message: `bom-k8s: YAML document skipped: ${e}`, source: 'bom-k8s' }));
    for (const w of parsed.warnings ?? []) notes.push({ level: 'info', path: file.path, message: `bom-k8s: YAML: ${w}`, source: 'bom-k8s' });
    const assets: Asset[] = [];
    const selectors: AiSelector[] = [];
    const services: ServiceInfo[] = [];
    for (const { doc, value: obj, base, kind } of parsed.objects) {
      if (kind === 'Service') {
        const svc = serviceInfo(file.path, doc, obj, base);
        if (svc) services.push(svc);
        continue;
      }
      const res = k8sObject(file.path, doc, obj, base);
      if (!res) continue;
      assets.push(...res.assets);
      const w = res.assets[0];
      for (const labels of res.podLabels) selectors.push({ labels, id: res.id, namespace: res.namespace, kind: w.kind, name: w.name });
    }
    // Services are matched to workloads in the whole-target stage: a Service in one file often selects
    // a Deployment declared in another.
    const collected: K8sDocument = { services, selectors };
    return { assets, notes, document: collected };
  },
  finish(collected: CollectedDocument[]): AnalyzerResult {
    const docs = collected.map((c) => c.document as K8sDocument);
    const selectors = docs.flatMap((d) => d.selectors);
    return { assets: docs.flatMap((d) => d.services).flatMap((s) => service(s, selectors)) };
  },
};

interface AiSelector {
  labels: Record<string, string>;
  id: string;
  namespace: string;
  kind: AssetKind;
  name: string;
}

/** A Service as the whole-target stage needs it (plain data, kept per file until every file was read). */
interface ServiceInfo {
  path: string;
  line: number;
  namespace: string;
  name: string;
  selector: Record<string, string>;
  type: unknown;
  ports: Record<string, unknown>[];
}

interface K8sDocument {
  services: ServiceInfo[];
  selectors: AiSelector[];
}

interface ObjResult {
  id: string;
  namespace: string;
  assets: Asset[];
  podLabels: Record<string, string>[];
}

interface SpecScan {
  found: ReturnType<typeof emptyFound>;
  gpus: Record<string, number | string>;
  images: string[];
  ports: number[];
  podLabels: Record<string, string>[];
  models: string[];
  serving: boolean;
}

/** Walks a spec (or Helm values) for images, accelerators, model args/env, ports and pod labels. */
function scanSpec(path: string, doc: YamlDoc, root: unknown, rootPath: Path, base: Path, crd: boolean): SpecScan {
  const found = emptyFound();
  const gpus: Record<string, number | string> = {};
  const images: string[] = [];
  const ports: number[] = [];
  const podLabels: Record<string, string>[] = [];
  const models: string[] = [];
  let serving = false;
  let nodes = 0;

  const visit = (v: unknown, p: Path, key: string | number | undefined, depth: number): void => {
    if (++nodes > MAX_NODES || depth > 24) return;
    if (Array.isArray(v)) {
      if ((key === 'args' || key === 'command') && v.every((x) => typeof x === 'string' || typeof x === 'number')) {
        const toks = tokens(v);
        const ids = modelsFromArgs(toks);
        models.push(...ids);
        const lineOfValue = (id: string) => at(path, doc.lineOf([...base, ...p, Math.max(0, v.findIndex((x) => String(x).includes(id)))]));
        for (const id of ids) addModels(found, [id], lineOfValue(id), String(key));
        for (const id of ollamaModelsFromArgs(toks)) addOllamaModels(found, [id], lineOfValue(id), String(key));
        return;
      }
      if (key === 'env') {
        v.forEach((e, i) => {
          if (isRecord(e) && typeof e.name === 'string') addEnv(found, e.name, typeof e.value === 'string' ? e.value : undefined, at(path, doc.lineOf([...base, ...p, i])));
        });
        return;
      }
      if (key === 'ports') {
        for (const port of v) if (isRecord(port) && typeof port.containerPort === 'number') ports.push(port.containerPort);
      }
      v.forEach((x, i) => visit(x, [...p, i], key, depth + 1));
      return;
    }
    if (!isRecord(v)) return;
    for (const [k, x] of Object.entries(v)) {
      const kp = [...p, k];
      if (k === 'image' && typeof x === 'string') {
        images.push(x);
        if (classifyImage(x)?.category === 'serving') serving = true;
        addImage(found, x, at(path, doc.lineOf([...base, ...kp])));
      } else if (k === 'image' && isRecord(x) && typeof x.repository === 'string') {
        const reg = typeof x.registry === 'string' && x.registry ? `${x.registry}/` : '';
        const ref = `${reg}${x.repository}${typeof x.tag === 'string' || typeof x.tag === 'number' ? `:${x.tag}` : ''}`;
        images.push(ref);
        if (classifyImage(ref)?.category === 'serving') serving = true;
        addImage(found, ref, at(path, doc.lineOf([...base, ...kp])));
      } else if ((k === 'limits' || k === 'requests') && isRecord(x) && p[p.length - 1] === 'resources') {
        for (const [r, n] of Object.entries(x)) if (isAccelerator(r)) Object.assign(gpus, addGpu(found, r, typeof n === 'number' || typeof n === 'string' ? n : undefined));
      } else if (k === 'rayStartParams' && isRecord(x) && x['num-gpus'] !== undefined && Number(x['num-gpus']) > 0) {
        Object.assign(gpus, addGpu(found, 'ray num-gpus', x['num-gpus'] as string));
      } else if (k === 'serveConfigV2' && typeof x === 'string' && crd && x.length < 1024 * 1024) {
        // KubeRay RayService: the Serve config is YAML inside a string; its lines follow the key's.
        const keyLine = doc.lineOf([...base, ...kp]);
        for (const inner of parseYamlDocs(x, 20).docs) {
          for (const m of llmConfigModels(inner.value, path, (ip) => keyLine + inner.lineOf(ip))) {
            models.push(m.asset.name);
            found.assets.push(m.asset);
            found.relations.push({ type: 'serves', target: m.asset.id });
            found.reasons.push(`serves ${m.asset.name}`);
          }
        }
      } else if ((k === 'url' || k === 'uri') && typeof x === 'string' && crd && x.startsWith('ollama://')) {
        // KubeAI `url: ollama://qwen2.5:7b`.
        const id = providerModelId(x.slice('ollama://'.length));
        if (id && !isPlaceholderUri(x)) {
          models.push(id);
          addOllamaModels(found, [id], at(path, doc.lineOf([...base, ...kp])), k);
        }
      } else if ((k === 'storageUri' || k === 'storageUris' || k === 'uri' || (k === 'url' && /^(?:hf|s3|gs|pvc):\/\//.test(String(x)))) && typeof x === 'string' && crd) {
        const loc = at(path, doc.lineOf([...base, ...kp]));
        const hf = x.startsWith('hf://') ? hfRepoId(x) : undefined;
        if (hf) {
          models.push(hf);
          addModels(found, [hf], loc, k);
        } else if (/^(?:s3|gs|pvc|oci|https?|azureblob|abfss?):\/\//.test(x) && !isPlaceholderUri(x)) {
          found.assets.push(asset('model', `model-uri:${x}`, x, loc, { storageUri: x }, { confidence: 0.8 }));
          found.relations.push({ type: 'serves', target: `model-uri:${x}` });
        }
      } else if (k === 'labels' && isRecord(x) && p[p.length - 1] === 'metadata' && p.includes('template')) {
        podLabels.push(x as Record<string, string>);
        visit(x, kp, k, depth + 1);
      } else {
        visit(x, kp, k, depth + 1);
      }
    }
  };
  visit(root, rootPath, rootPath[rootPath.length - 1], 0);
  return { found, gpus, images, ports, podLabels, models, serving };
}

/**
 * Helm chart values (`values*.yaml` next to a `Chart.yaml`): templates are not rendered, but the
 * values name the images, accelerators and models the chart deploys.
 */
function helmValues(path: string, dir: string, parsed: YamlParse): AnalyzerResult {
  const notes: Note[] = parsed.errors.map((e) => ({ level: 'warning' as const, path, message: `bom-k8s: ${e}`, source: 'bom-k8s' }));
  for (const w of parsed.warnings ?? []) notes.push({ level: 'info', path: path, message: `bom-k8s: YAML: ${w}`, source: 'bom-k8s' });
  const doc = parsed.docs[0];
  if (!doc || !isRecord(doc.value)) return { notes };
  const scan = scanSpec(path, doc, doc.value, [], [], false);
  for (const m of ollamaChartModels(doc.value, (p) => doc.lineOf(p))) {
    scan.models.push(m.id);
    addOllamaModels(scan.found, [m.id], at(path, m.line), 'helm values');
  }
  // Helm values write images as {repository, tag} (handled) or {registry, repository, tag}.
  if (!scan.found.reasons.length) return { notes };
  const chart = dir.replace(/\/$/, '') || '.';
  const kind: AssetKind = scan.serving ? 'ai-server' : Object.keys(scan.gpus).length ? 'gpu-workload' : 'workload';
  const workload = asset(kind, `helm:${chart}`, `chart ${chart}`, at(path, doc.startLine), {
    platform: 'helm', images: [...new Set(scan.images)], accelerators: Object.keys(scan.gpus).length ? scan.gpus : undefined, models: [...new Set(scan.models)], aiReasons: [...new Set(scan.found.reasons)],
  }, { confidence: 0.8, relations: dedupeRelations(scan.found.relations) });
  return { assets: [workload, ...scan.found.assets], notes };
}

/** `values.yaml`, `values-prod.yaml`, `ollama-values.yaml`, `my.values.yml`. */
const VALUES_FILE = /(?:^|[-_.])values(?:[-_.][\w.-]*)?\.ya?ml$/;

function pulledByValues(path: string, parsed: YamlParse): Asset[] {
  const found = emptyFound();
  for (const doc of parsed.docs.slice(0, 1)) for (const m of ollamaChartModels(doc.value, (p) => doc.lineOf(p))) addOllamaModels(found, [m.id], at(path, m.line), 'helm values');
  return found.assets;
}

function k8sObject(path: string, doc: YamlDoc, obj: Record<string, unknown>, base: Path): ObjResult | undefined {
  const kind = obj.kind as string;
  const crd = aiKind(obj.apiVersion as string, kind);
  if (!crd && !WORKLOAD_KINDS.has(kind)) return undefined;
  const meta = isRecord(obj.metadata) ? obj.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '(unnamed)';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : 'default';
  const { found, gpus, images, ports, podLabels, models, serving } = scanSpec(path, doc, obj.spec, ['spec'], base, !!crd);

  if (!crd && !found.reasons.length) return undefined;
  if (kind === 'Pod' && isRecord(meta.labels)) podLabels.push(meta.labels as Record<string, string>);
  const id = `k8s:${namespace}/${kind}/${name}`;
  const assetKind: AssetKind = crd ? crd.assetKind : serving ? 'ai-server' : Object.keys(gpus).length ? 'gpu-workload' : 'workload';
  const relations: Relation[] = dedupeRelations(found.relations);
  const spec = isRecord(obj.spec) ? obj.spec : {};
  const workload = asset(assetKind, id, `${kind}/${name}`, at(path, doc.lineOf([...base, 'kind']) || doc.startLine), {
    platform: 'kubernetes',
    apiVersion: obj.apiVersion,
    kind,
    namespace,
    product: crd?.product,
    category: crd?.category ?? (serving ? 'serving' : undefined),
    images: [...new Set(images)],
    accelerators: Object.keys(gpus).length ? gpus : undefined,
    replicas: typeof spec.replicas === 'number' ? spec.replicas : undefined,
    containerPorts: [...new Set(ports)],
    models: [...new Set(models)],
    aiReasons: [...new Set(crd ? [`${crd.product} ${kind}`, ...found.reasons] : found.reasons)],
  }, { confidence: crd ? 0.95 : 0.85, relations });
  return { id, namespace, assets: [workload, ...found.assets], podLabels };
}

function serviceInfo(path: string, doc: YamlDoc, obj: Record<string, unknown>, base: Path): ServiceInfo | undefined {
  const meta = isRecord(obj.metadata) ? obj.metadata : {};
  const spec = isRecord(obj.spec) ? obj.spec : {};
  const selector = isRecord(spec.selector) ? (spec.selector as Record<string, unknown>) : undefined;
  if (!selector || !Object.keys(selector).length) return undefined;
  return {
    path,
    line: doc.lineOf([...base, 'kind']),
    namespace: typeof meta.namespace === 'string' ? meta.namespace : 'default',
    name: typeof meta.name === 'string' ? meta.name : '(unnamed)',
    selector: Object.fromEntries(Object.entries(selector).map(([k, v]) => [k, String(v)])),
    type: spec.type,
    ports: Array.isArray(spec.ports) ? spec.ports.filter(isRecord).map((p) => ({ port: p.port, targetPort: p.targetPort, nodePort: p.nodePort, protocol: p.protocol ?? 'TCP', name: p.name })) : [],
  };
}

/** The Service asset, and an `exposes` relation on each AI workload (of any file) that it selects. */
function service(s: ServiceInfo, ai: AiSelector[]): Asset[] {
  const targets = ai.filter((w) => w.namespace === s.namespace && Object.entries(s.selector).every(([k, v]) => w.labels[k] === v));
  if (!targets.length) return [];
  const id = `k8s:${s.namespace}/Service/${s.name}`;
  const ids = [...new Set(targets.map((t) => t.id))];
  // Relation carriers: merged by id into the workload assets that per-file discovery reported.
  const relations: Asset[] = ids.map((tid) => {
    const t = targets.find((x) => x.id === tid)!;
    return { id: tid, kind: t.kind, name: t.name, locations: [], properties: {}, relations: [{ type: 'exposes', target: id }] };
  });
  return [
    asset('ai-server', id, `Service/${s.name}`, at(s.path, s.line), { platform: 'kubernetes', kind: 'Service', namespace: s.namespace, serviceType: s.type ?? 'ClusterIP', ports: s.ports, exposes: ids }, { confidence: 0.9 }),
    ...relations,
  ];
}

function dedupeRelations(list: Relation[]): Relation[] {
  const seen = new Set<string>();
  return list.filter((r) => (seen.has(`${r.type} ${r.target}`) ? false : (seen.add(`${r.type} ${r.target}`), true)));
}

