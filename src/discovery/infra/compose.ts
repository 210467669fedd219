/**
 * docker-compose files: services that run AI images, reserve GPUs, serve a model or use an LLM
 * provider, with their published ports.
 */
import type { Analyzer, AnalyzerResult, FileInfo } from '../../core/analyzer.js';
import type { Asset, AssetKind, Note } from '../../core/model.js';
import { classifyImage } from '../../catalog/ai-images.js';
import { asset, at } from '../assets.js';
import { isRecord } from '../json-doc.js';
import { COMPOSE_NAME, yamlDocsParser } from './k8s.js';
import { addEnv, addImage, addModels, emptyFound, modelsFromArgs, tokens } from './signals.js';

export const composeAnalyzer: Analyzer = {
  name: 'bom-compose',
  version: 1,
  rules: [],
  match(f: FileInfo) {
    return COMPOSE_NAME.test(f.name) && f.size < 4 * 1024 * 1024;
  },
  async analyze(file): Promise<AnalyzerResult> {
    const parsed = await file.parsed(yamlDocsParser);
    const notes: Note[] = parsed.errors.map((e) => ({ level: 'warning' as const, path: file.path, message: `bom-compose: ${e}`, source: 'bom-compose' }));
    for (const w of parsed.warnings ?? []) notes.push({ level: 'info', path: file.path, message: `bom-compose: YAML: ${w}`, source: 'bom-compose' });
    const doc = parsed.docs[0];
    if (!doc || !isRecord(doc.value) || !isRecord(doc.value.services)) return { notes };
    const assets: Asset[] = [];
    for (const [name, svc] of Object.entries(doc.value.services)) {
      if (!isRecord(svc)) continue;
      const base = ['services', name];
      const lineOf = (...p: (string | number)[]) => doc.lineOf([...base, ...p]);
      const found = emptyFound();
      let serving = false;
      if (typeof svc.image === 'string') {
        addImage(found, svc.image, at(file.path, lineOf('image')));
        serving = classifyImage(svc.image)?.category === 'serving';
      }
      for (const key of ['command', 'entrypoint'] as const) {
        const v = svc[key];
        const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
        addModels(found, modelsFromArgs(tokens(list)), at(file.path, lineOf(key)), key);
      }
      const env = svc.environment;
      if (Array.isArray(env)) {
        env.forEach((e, i) => {
          if (typeof e !== 'string') return;
          const eq = e.indexOf('=');
          addEnv(found, eq > 0 ? e.slice(0, eq) : e, eq > 0 ? e.slice(eq + 1) : undefined, at(file.path, lineOf('environment', i)));
        });
      } else if (isRecord(env)) {
        for (const [k, v] of Object.entries(env)) addEnv(found, k, typeof v === 'string' ? v : undefined, at(file.path, lineOf('environment', k)));
      }
      const gpus = gpuReservation(svc);
      if (gpus) found.reasons.push(`accelerator ${gpus}`);
      if (!found.reasons.length) continue;
      const id = `compose:${file.path}#${name}`;
      const ports = publishedPorts(svc.ports);
      const kind: AssetKind = serving ? 'ai-server' : gpus ? 'gpu-workload' : 'workload';
      for (const p of ports) {
        if (p.published === undefined) continue;
        const portLine = lineOf('ports', p.index);
        const portId = `${id}:${p.published}`;
        found.relations.push({ type: 'exposes', target: portId });
        assets.push(asset('ai-server', portId, `${name}:${p.published}`, at(file.path, portLine), { platform: 'docker-compose', port: p.published, targetPort: p.target, hostIp: p.hostIp, bindsAllInterfaces: !p.hostIp || p.hostIp === '0.0.0.0' }, { confidence: 0.85 }));
      }
      assets.push(asset(kind, id, name, at(file.path, lineOf()), {
        platform: 'docker-compose', image: svc.image, accelerators: gpus, ports: ports.map((p) => p.raw), aiReasons: [...new Set(found.reasons)],
      }, { confidence: 0.85, relations: found.relations }));
      assets.push(...found.assets);
    }
    return { assets, notes };
  },
};

function gpuReservation(svc: Record<string, unknown>): string | undefined {
  if (svc.runtime === 'nvidia') return 'runtime nvidia';
  const deploy = svc.deploy;
  const devices = isRecord(deploy) && isRecord(deploy.resources) && isRecord(deploy.resources.reservations) ? deploy.resources.reservations.devices : undefined;
  if (Array.isArray(devices)) {
    for (const d of devices) {
      if (!isRecord(d)) continue;
      const caps = Array.isArray(d.capabilities) ? d.capabilities : [];
      if (caps.includes('gpu') || d.driver === 'nvidia') return `gpu${d.count !== undefined ? ` x${String(d.count)}` : ''}`;
    }
  }
  return undefined;
}

interface Port {
  index: number;
  raw: string;
  published?: number;
  target?: number;
  hostIp?: string;
}

function publishedPorts(v: unknown): Port[] {
  if (!Array.isArray(v)) return [];
  const out: Port[] = [];
  for (let index = 0; index < v.length; index++) {
    const p: unknown = v[index];
    if (typeof p === 'string' || typeof p === 'number') {
      const s = String(p).replace(/\/(?:tcp|udp)$/, '');
      const parts = s.split(':');
      if (parts.length === 1) out.push({ index, raw: s, target: Number(parts[0]) || undefined });
      else if (parts.length === 2) out.push({ index, raw: s, published: Number(parts[0]) || undefined, target: Number(parts[1]) || undefined });
      else out.push({ index, raw: s, hostIp: parts.slice(0, -2).join(':'), published: Number(parts[parts.length - 2]) || undefined, target: Number(parts[parts.length - 1]) || undefined });
    } else if (isRecord(p)) {
      out.push({ index, raw: JSON.stringify(p), published: Number(p.published) || undefined, target: Number(p.target) || undefined, hostIp: typeof p.host_ip === 'string' ? p.host_ip : undefined });
    }
  }
  return out;
}
