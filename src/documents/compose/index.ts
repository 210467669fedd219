/**
 * The docker-compose document kind: services with positions, their published ports (host IP
 * included), environment in list and map forms, command/entrypoint, image, privileged, volumes and
 * network_mode; and a run view per service, exposed when a port is published on all interfaces (no
 * host IP, `0.0.0.0` or `::`) or the service shares the host network. One project per file.
 */
import type { DocumentKind } from '../../posture/rule.js';
import { COMPOSE_NAME } from '../kubernetes/index.js';
import { isObj } from '../kubernetes/parse.js';
import { splitArgs, type EnvVar, type Exposure, type Located, type RunView } from '../run-view.js';
import { parseYamlDocs, type YamlDoc, type YamlPath } from '../yaml.js';

export interface ComposePort {
  index: number;
  raw: string;
  published?: number;
  target?: number;
  hostIp?: string;
}

export interface ComposeService {
  name: string;
  value: Record<string, unknown>;
  line: number;
  /** Line of a path under this service. */
  lineOf(...p: YamlPath): number;
  ports: ComposePort[];
  /** GPU reservation (`deploy.resources.reservations.devices`, `runtime: nvidia`), described. */
  gpu?: string;
}

export interface ComposeFile {
  path: string;
  doc?: YamlDoc;
  services: ComposeService[];
  errors: string[];
  warnings?: string[];
}

export interface ComposeProject {
  file: ComposeFile;
  runs: (RunView & { service: ComposeService })[];
}

export const composeKind: DocumentKind<ComposeFile, ComposeProject> = {
  name: 'compose',
  match: (f) => COMPOSE_NAME.test(f.name),
  maxBytes: 4 * 1024 * 1024,
  noteTooLarge: true,
  parse: ({ path, text }) => ({ document: parseCompose(path, text) }),
  project: (docs) => docs.map(({ document }) => ({ file: document, runs: document.services.map((s) => ({ ...runView(document.path, s), service: s })) })),
};

export function parseCompose(path: string, text: string): ComposeFile {
  const parsed = parseYamlDocs(text);
  const doc = parsed.docs[0];
  const services: ComposeService[] = [];
  if (doc && isObj(doc.value) && isObj(doc.value.services)) {
    for (const [name, svc] of Object.entries(doc.value.services)) {
      if (!isObj(svc)) continue;
      const lineOf = (...p: YamlPath) => doc.lineOf(['services', name, ...p]);
      services.push({ name, value: svc, line: lineOf(), lineOf, ports: publishedPorts(svc.ports), gpu: gpuReservation(svc) });
    }
  }
  return { path, doc, services, errors: parsed.errors, warnings: parsed.warnings };
}

/** The asset id discovery gives a compose service. */
export function composeAssetId(path: string, service: string): string {
  return `compose:${path}#${service}`;
}

/** Environment in list (`- KEY=value`, `- KEY`) or map form. */
export function composeEnv(s: ComposeService): EnvVar[] {
  const env = s.value.environment;
  const out: EnvVar[] = [];
  if (Array.isArray(env)) {
    env.forEach((e, i) => {
      if (typeof e !== 'string') return;
      const eq = e.indexOf('=');
      out.push({ name: eq > 0 ? e.slice(0, eq) : e, value: eq > 0 ? e.slice(eq + 1) : undefined, line: s.lineOf('environment', i) });
    });
  } else if (isObj(env)) {
    for (const [k, v] of Object.entries(env)) out.push({ name: k, value: v === null || v === undefined ? undefined : String(v as string), line: s.lineOf('environment', k) });
  }
  return out;
}

export function bindsAllInterfaces(p: ComposePort): boolean {
  return !p.hostIp || p.hostIp === '0.0.0.0' || p.hostIp === '::' || p.hostIp === '[::]';
}

function runView(path: string, s: ComposeService): RunView {
  const argv: Located<string>[] = [];
  for (const key of ['entrypoint', 'command'] as const) {
    const v = s.value[key];
    if (typeof v === 'string') for (const t of splitArgs(v)) argv.push({ value: t, line: s.lineOf(key) });
    else if (Array.isArray(v)) v.forEach((x, i) => {
      if (typeof x === 'string' || typeof x === 'number') for (const t of splitArgs(String(x))) argv.push({ value: t, line: s.lineOf(key, i) });
    });
  }
  const exposure: Exposure[] = [];
  for (const p of s.ports) {
    // `- "8265"` alone publishes to a random host port, on all interfaces too.
    if ((p.published === undefined && p.target === undefined) || !bindsAllInterfaces(p)) continue;
    exposure.push({ via: `port ${p.raw} published on all interfaces`, ports: [(p.target ?? p.published)!], path, line: s.lineOf('ports', p.index) });
  }
  if (s.value.network_mode === 'host') exposure.push({ via: 'network_mode: host', ports: 'all', path, line: s.lineOf('network_mode') });
  const image = typeof s.value.image === 'string' ? { value: s.value.image, line: s.lineOf('image') } : undefined;
  const expose = Array.isArray(s.value.expose) ? s.value.expose : [];
  const ports = [...s.ports.filter((p) => p.target !== undefined).map((p) => ({ port: p.target!, line: s.lineOf('ports', p.index) })),
    ...expose.map((e, i) => ({ port: Number(String(e).split('/')[0]), line: s.lineOf('expose', i) })).filter((p) => Number.isInteger(p.port))];
  return {
    path, assetId: composeAssetId(path, s.name), key: `services/${s.name}`, label: `compose service ${s.name}`, line: s.line,
    image, argv, env: composeEnv(s), ports, gpu: !!s.gpu, exposure,
  };
}

function gpuReservation(svc: Record<string, unknown>): string | undefined {
  if (svc.runtime === 'nvidia') return 'runtime nvidia';
  const deploy = svc.deploy;
  const devices = isObj(deploy) && isObj(deploy.resources) && isObj(deploy.resources.reservations) ? deploy.resources.reservations.devices : undefined;
  if (Array.isArray(devices)) {
    for (const d of devices) {
      if (!isObj(d)) continue;
      const caps = Array.isArray(d.capabilities) ? d.capabilities : [];
      if (caps.includes('gpu') || d.driver === 'nvidia') return `gpu${d.count !== undefined ? ` x${String(d.count as string)}` : ''}`;
    }
  }
  return undefined;
}

function publishedPorts(v: unknown): ComposePort[] {
  if (!Array.isArray(v)) return [];
  const out: ComposePort[] = [];
  for (let index = 0; index < v.length; index++) {
    const p: unknown = v[index];
    if (typeof p === 'string' || typeof p === 'number') {
      const s = String(p).replace(/\/(?:tcp|udp)$/, '');
      const parts = s.split(':');
      if (parts.length === 1) out.push({ index, raw: s, target: Number(parts[0]) || undefined });
      else if (parts.length === 2) out.push({ index, raw: s, published: Number(parts[0]) || undefined, target: Number(parts[1]) || undefined });
      else out.push({ index, raw: s, hostIp: parts.slice(0, -2).join(':'), published: Number(parts[parts.length - 2]) || undefined, target: Number(parts[parts.length - 1]) || undefined });
    } else if (isObj(p)) {
      out.push({ index, raw: JSON.stringify(p), published: Number(p.published) || undefined, target: Number(p.target) || undefined, hostIp: typeof p.host_ip === 'string' ? p.host_ip : undefined });
    }
  }
  return out;
}
