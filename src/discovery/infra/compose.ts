/**
 * docker-compose files: services that run AI images, reserve GPUs, serve a model or use an LLM
 * provider, with their published ports.
 */
import type { Analyzer, AnalyzerResult, FileInfo } from '../../core/analyzer.js';
import type { Asset, AssetKind, Note } from '../../core/model.js';
import { classifyImage } from '../../catalog/ai-images.js';
import { composeAssetId, composeEnv, composeKind } from '../../documents/compose/index.js';
import { kindParser } from '../../posture/analyzer.js';
import { kindReads } from '../../posture/rule.js';
import { asset, at } from '../assets.js';
import { addEnv, addImage, addModels, addOllamaModels, emptyFound, modelsFromArgs, ollamaModelsFromArgs, tokens } from './signals.js';

/** The memoised compose document parser, shared with the posture checks. */
const composeParser = kindParser(composeKind);

export const composeAnalyzer: Analyzer = {
  name: 'bom-compose',
  version: 1,
  rules: [],
  match(f: FileInfo) {
    return kindReads(composeKind, f);
  },
  async analyze(file): Promise<AnalyzerResult> {
    const parsed = (await file.parsed(composeParser)).document;
    if (!parsed) return {};
    const notes: Note[] = parsed.errors.map((e) => ({ level: 'warning' as const, path: file.path, message: `bom-compose: ${e}`, source: 'bom-compose' }));
    for (const w of parsed.warnings ?? []) notes.push({ level: 'info', path: file.path, message: `bom-compose: YAML: ${w}`, source: 'bom-compose' });
    const assets: Asset[] = [];
    for (const service of parsed.services) {
      const { name, value: svc, lineOf } = service;
      const found = emptyFound();
      let serving = false;
      if (typeof svc.image === 'string') {
        addImage(found, svc.image, at(file.path, lineOf('image')));
        serving = classifyImage(svc.image)?.category === 'serving';
      }
      for (const key of ['command', 'entrypoint'] as const) {
        const v = svc[key];
        const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
        const toks = tokens(list);
        addModels(found, modelsFromArgs(toks), at(file.path, lineOf(key)), key);
        addOllamaModels(found, ollamaModelsFromArgs(toks), at(file.path, lineOf(key)), key);
      }
      for (const e of composeEnv(service)) addEnv(found, e.name, e.value, at(file.path, e.line));
      const gpus = service.gpu;
      if (gpus) found.reasons.push(`accelerator ${gpus}`);
      if (!found.reasons.length) continue;
      const id = composeAssetId(file.path, name);
      const ports = service.ports;
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
