/**
 * CycloneDX 1.6 JSON (ML-BOM): packages, models (`machine-learning-model` with the model-card
 * fields static analysis can fill), datasets (`data`), container images, workloads; providers,
 * managed AI services, MCP servers, vector stores and AI servers as `services`; evidence
 * (occurrences with file + line, identity confidence) and the dependency graph from relations.
 */
import { randomUUID } from 'node:crypto';
import type { Asset, Report } from '../core/model.js';
import type { Formatter } from './formatter.js';

type Json = Record<string, unknown>;

const SERVICE_KINDS = new Set(['llm-provider', 'ai-service', 'mcp-server', 'vector-store', 'ai-server']);

const SPDX: Record<string, string> = {
  'apache-2.0': 'Apache-2.0', mit: 'MIT', 'bsd-2-clause': 'BSD-2-Clause', 'bsd-3-clause': 'BSD-3-Clause', 'cc-by-4.0': 'CC-BY-4.0',
  'cc-by-sa-4.0': 'CC-BY-SA-4.0', 'cc-by-nc-4.0': 'CC-BY-NC-4.0', 'cc-by-nc-sa-4.0': 'CC-BY-NC-SA-4.0', 'cc0-1.0': 'CC0-1.0',
  'mpl-2.0': 'MPL-2.0', 'gpl-3.0-only': 'GPL-3.0-only', 'lgpl-3.0-only': 'LGPL-3.0-only', 'agpl-3.0-only': 'AGPL-3.0-only',
  'unlicense': 'Unlicense', 'openrail': 'OpenRAIL', 'bigscience-openrail-m': 'OpenRAIL-M', 'creativeml-openrail-m': 'CreativeML-OpenRAIL-M',
};

export function toCycloneDx(report: Report): Json {
  const assets = report.assets;
  const refs = new Set(assets.map((a) => a.id));
  const app = assets.find((a) => a.kind === 'application');
  const rootRef = app?.id ?? 'application:target';
  const components: Json[] = [];
  const services: Json[] = [];
  for (const a of assets) {
    if (a.kind === 'application') continue;
    if (SERVICE_KINDS.has(a.kind)) services.push(service(a));
    else components.push(component(a, refs));
  }
  const dependencies: Json[] = [];
  for (const a of assets) {
    const targets = [...new Set(a.relations.map((r) => r.target).filter((t) => refs.has(t) && t !== a.id))];
    if (targets.length || a.kind === 'application') dependencies.push({ ref: a.id, dependsOn: targets });
  }
  const bom: Json = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: report.createdAt,
      tools: { components: [{ type: 'application', name: report.tool.name, version: report.tool.version }] },
      component: { type: 'application', 'bom-ref': rootRef, name: report.target.name },
      properties: [{ name: 'aigis:target-type', value: report.target.type }],
    },
    components,
    services,
    dependencies,
  };
  return bom;
}

export const cyclonedx: Formatter = (report) => `${JSON.stringify(toCycloneDx(report), null, 2)}\n`;

function component(a: Asset, refs: Set<string>): Json {
  const c: Json = { type: componentType(a), 'bom-ref': a.id, name: a.name };
  if (a.version) c.version = a.version;
  const purl = purlOf(a);
  if (purl) c.purl = purl;
  const sha = a.properties.sha256;
  if (typeof sha === 'string' && /^[a-f0-9]{64}$/.test(sha)) c.hashes = [{ alg: 'SHA-256', content: sha }];
  const lic = licenses(a.properties.license);
  if (lic) c.licenses = lic;
  if (a.kind === 'model') c.modelCard = modelCard(a, refs);
  if (a.kind === 'dataset') c.data = [dataEntry(a)];
  const props = properties(a);
  if (props.length) c.properties = props;
  const ev = evidence(a);
  if (ev) c.evidence = ev;
  return c;
}

function componentType(a: Asset): string {
  switch (a.kind) {
    case 'package':
      return a.properties.aiCategory === 'framework' ? 'framework' : 'library';
    case 'model':
      return 'machine-learning-model';
    case 'dataset':
      return 'data';
    case 'container-image':
      return 'container';
    case 'gpu-workload':
    case 'workload':
      return 'application';
    default:
      return 'application';
  }
}

function purlOf(a: Asset): string | undefined {
  if (!a.id.startsWith('pkg:')) return undefined;
  if (a.id.startsWith('pkg:huggingface/')) {
    const rev = a.properties.revision;
    return typeof rev === 'string' && /^[a-f0-9]{40}$/.test(rev) ? `${a.id}@${rev}` : a.id;
  }
  return a.id;
}

function licenses(v: unknown): Json[] | undefined {
  if (typeof v !== 'string' || !v.trim()) return undefined;
  const id = SPDX[v.trim().toLowerCase()];
  return [{ license: id ? { id } : { name: v.trim().slice(0, 200) } }];
}

function modelCard(a: Asset, refs: Set<string>): Json {
  const p = a.properties;
  const params: Json = {};
  if (typeof p.pipelineTag === 'string') params.task = p.pipelineTag;
  const arch = Array.isArray(p.architectures) && typeof p.architectures[0] === 'string' ? p.architectures[0] : typeof p.architecture === 'string' ? p.architecture : undefined;
  const family = typeof p.modelType === 'string' ? p.modelType : typeof p.architecture === 'string' ? p.architecture : undefined;
  if (family) params.architectureFamily = family;
  if (arch) params.modelArchitecture = arch;
  const datasets = a.relations.filter((r) => r.type === 'reads' && refs.has(r.target)).map((r) => ({ ref: r.target }));
  if (datasets.length) params.datasets = datasets;
  const card: Json = {};
  if (Object.keys(params).length) card.modelParameters = params;
  const props: Json[] = [];
  for (const k of ['format', 'quantization', 'parameters', 'provider', 'adapterType', 'baseModel', 'libraryName', 'chatTemplate', 'framework', 'servingRuntime']) {
    const v = p[k];
    if (v !== undefined && v !== null && v !== '') props.push({ name: `aigis:${k}`, value: Array.isArray(v) ? v.join(', ') : String(v) });
  }
  if (props.length) card.properties = props;
  return card;
}

function dataEntry(a: Asset): Json {
  const d: Json = { type: 'dataset', name: a.name };
  if (a.properties.source === 'huggingface') d.contents = { url: `https://huggingface.co/datasets/${a.name}` };
  return d;
}

function service(a: Asset): Json {
  const s: Json = { 'bom-ref': a.id, name: a.name };
  const p = a.properties;
  const provider = typeof p.service === 'string' ? p.cloud : p.provider;
  if (typeof provider === 'string') s.provider = { name: provider };
  const endpoints = [p.url, p.endpoint, p.baseUrl].filter((x): x is string => typeof x === 'string').map((e) => (/^[a-z]+:\/\//.test(e) ? e : `https://${e}`));
  if (endpoints.length) s.endpoints = [...new Set(endpoints)];
  if (typeof p.service === 'string') s.description = p.service;
  const props = properties(a);
  for (const l of a.locations.slice(0, 20)) props.push({ name: 'aigis:location', value: `${l.path ?? l.url ?? ''}${l.startLine ? `:${l.startLine}` : ''}` });
  if (props.length) s.properties = props;
  return s;
}

function properties(a: Asset): Json[] {
  const out: Json[] = [{ name: 'aigis:kind', value: a.kind }];
  for (const [k, v] of Object.entries(a.properties)) {
    if (v === undefined || v === null || k === 'sha256') continue;
    const value = typeof v === 'object' ? JSON.stringify(v) : String(v);
    if (value.length > 1000) continue;
    out.push({ name: `aigis:${k}`, value });
  }
  return out;
}

function evidence(a: Asset): Json | undefined {
  const occurrences = a.locations
    .filter((l) => l.path)
    .slice(0, 100)
    .map((l) => {
      const o: Json = { location: l.member ? `${l.path}#${l.member}` : l.path };
      if (l.startLine) o.line = l.startLine;
      return o;
    });
  const confidence = a.confidence ?? 0.8;
  const technique = techniqueOf(a);
  const ev: Json = {
    identity: [{ field: a.id.startsWith('pkg:') ? 'purl' : a.kind === 'model' && a.properties.sha256 ? 'hash' : 'name', confidence, methods: [{ technique, confidence, value: a.id }] }],
  };
  if (occurrences.length) ev.occurrences = occurrences;
  return ev;
}

function techniqueOf(a: Asset): string {
  const path = a.locations[0]?.path ?? '';
  if (a.kind === 'model' && typeof a.properties.sha256 === 'string') return 'hash-comparison';
  if (/\.(?:py|pyw|ipynb|js|mjs|cjs|jsx|ts|mts|cts|tsx)$/.test(path)) return 'source-code-analysis';
  if (a.kind === 'package') return 'manifest-analysis';
  return 'other';
}
