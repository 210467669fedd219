/**
 * Dockerfiles (parsed with dockerfile-ast): AI base images, `pip install` / `npm install` of AI
 * packages, models pulled at build time or named in ENV / CMD.
 */
import type { Analyzer, AnalyzerResult, FileInfo } from '../../core/analyzer.js';
import type { Asset } from '../../core/model.js';
import { dockerfileKind } from '../../documents/dockerfile/index.js';
import { kindParser } from '../../posture/analyzer.js';
import { kindReads } from '../../posture/rule.js';
import { asset, at } from '../assets.js';
import { npmPurl, providerModelId, pypiPurl } from '../ids.js';
import { aiCategoryOf, parsePipArg } from '../package-class.js';
import { addEnv, addImage, addModels, emptyFound, modelsFromArgs, tokens } from './signals.js';
import { classifyImage, parseImageRef } from '../../catalog/ai-images.js';
import { detectAssets } from '../code/detect.js';
import { extractFacts } from '../code/facts.js';
import { mayYieldAssets } from '../code/prefilter.js';
import { parseCode } from '../code/tree-sitter.js';
import { serverOfCommand, serverOfHostEnv, serverOfImage, type AiServerEntry } from '../../catalog/ai-servers.js';

/** The memoised Dockerfile document parser, shared with the posture checks. */
const dockerfileParser = kindParser(dockerfileKind);

export const dockerfileAnalyzer: Analyzer = {
  name: 'bom-dockerfile',
  version: 1,
  rules: [],
  match(f: FileInfo) {
    return kindReads(dockerfileKind, f);
  },
  async analyze(file): Promise<AnalyzerResult> {
    await dockerfileKind.ready?.();
    const df = (await file.parsed(dockerfileParser)).document;
    if (!df) return {};
    const found = emptyFound();
    const packages: Asset[] = [];
    const stages = new Set<string>();
    const bases: string[] = [];
    /** Image each stage name stands for, so `FROM builder` resolves to the image it started from. */
    const stageImage = new Map<string, string>();
    let finalBase: string | undefined;
    let server: AiServerEntry | undefined;
    let bindsAll: boolean | undefined;
    /** Exposed port → line of its EXPOSE; the server's line is where it is started or configured. */
    const exposed = new Map<number, number>();
    let serverLine = 1;
    for (const ins of df.instructions) {
      const kw = ins.keyword;
      const line = ins.line;
      const args = ins.args;
      if (kw === 'FROM') {
        // With build arguments resolved (`FROM nvidia/cuda:${CUDA_VERSION}-runtime`); an unresolved one stays as written.
        const written = args.find((a) => !a.startsWith('--'));
        const resolved = df.stages.find((st) => st.line === line)?.from?.image;
        const image = resolved && !resolved.startsWith(':') && !resolved.endsWith(':') ? resolved : written;
        const asIdx = args.findIndex((a) => a.toUpperCase() === 'AS');
        if (image && !stages.has(image.toLowerCase())) {
          bases.push(image);
          addImage(found, image, at(file.path, line));
        }
        finalBase = image ? stageImage.get(image.toLowerCase()) ?? image : undefined;
        if (asIdx >= 0 && args[asIdx + 1]) {
          stages.add(args[asIdx + 1].toLowerCase());
          if (finalBase) stageImage.set(args[asIdx + 1].toLowerCase(), finalBase);
        }
      } else if (kw === 'RUN') {
        // Build arguments and ENV resolved (`pip install torch==${PYTORCH_VERSION}` after `ARG PYTORCH_VERSION=2.7.0`).
        const toks = tokens((ins.resolvedArgs ?? args).flatMap((a) => a.split(/&&|;|\|\|/)));
        packages.push(...installs(toks, file.path, line));
        addModels(found, modelsFromArgs(toks), at(file.path, line), 'RUN');
        for (const a of await inlinePython(ins.content, file.path, line)) {
          found.assets.push(a);
          if (a.kind === 'model' || a.kind === 'dataset') found.reasons.push(`downloads ${a.name}`);
        }
        const pull = toks.findIndex((t, i) => t === 'pull' && /(?:^|\/)ollama$/.test(toks[i - 1] ?? ''));
        const ollamaModel = pull >= 0 ? providerModelId(toks[pull + 1] ?? '') : undefined;
        if (ollamaModel) {
          found.assets.push(asset('model', `model:ollama/${ollamaModel}`, ollamaModel, at(file.path, line), { provider: 'ollama', via: 'ollama pull' }, { confidence: 0.9 }));
          found.relations.push({ type: 'serves', target: `model:ollama/${ollamaModel}` });
          found.reasons.push(`pulls ${ollamaModel}`);
        }
      } else if (kw === 'ENV' || kw === 'ARG') {
        for (const a of args) {
          const eq = a.indexOf('=');
          if (eq > 0) addEnv(found, a.slice(0, eq), a.slice(eq + 1).replace(/^["']|["']$/g, ''), at(file.path, line));
        }
        if (args.length === 2 && !args[0].includes('=')) addEnv(found, args[0], args[1], at(file.path, line));
        if (kw === 'ENV') {
          for (const [name, value] of envPairs(args)) {
            const s = serverOfHostEnv(name);
            if (!s) continue;
            if (!server) [server, serverLine] = [s, line];
            bindsAll = /^(?:https?:\/\/)?(?:0\.0\.0\.0|\[?::\]?)(?::\d+)?$/.test(value) || bindsAll;
          }
        }
      } else if (kw === 'EXPOSE') {
        for (const a of args) {
          const port = Number(/^(\d{1,5})(?:\/(?:tcp|udp))?$/i.exec(a)?.[1]);
          if (port > 0 && port < 65536 && !exposed.has(port)) exposed.set(port, line);
        }
      } else if (kw === 'CMD' || kw === 'ENTRYPOINT') {
        const raw = ins.content;
        let list: unknown[] = args;
        try {
          const j: unknown = JSON.parse(raw);
          if (Array.isArray(j)) list = j;
        } catch {
          // shell form
        }
        const toks = tokens(list);
        addModels(found, modelsFromArgs(toks), at(file.path, line), kw);
        const started = serverOfCommand(toks);
        if (started) [server, serverLine] = [started, line];
        if (hostFlag(toks) !== undefined) bindsAll = hostFlag(toks);
      }
    }
    const aiPackages = packages.filter((p) => p.properties.aiCategory);
    if (aiPackages.length) found.reasons.push(`installs ${aiPackages.map((p) => p.name).join(', ')}`);
    const id = `dockerfile:${file.path}`;
    // The server the image starts: its own CMD/ENTRYPOINT or listen-address variable, else its base image's.
    const baseEntry = finalBase ? classifyImage(finalBase) : undefined;
    // ENTRYPOINT ["/bin/ollama"] with CMD ["serve"]: the command line is the two together.
    const last = df.stages[df.stages.length - 1];
    if (!server && last && (last.entrypoint || last.cmd)) {
      const started = serverOfCommand(tokens([...(last.entrypoint?.argv ?? []), ...(last.cmd?.argv ?? [])]));
      if (started) [server, serverLine] = [started, (last.cmd ?? last.entrypoint)!.line];
    }
    if (!server && baseEntry?.category === 'serving') {
      server = serverOfImage(baseEntry.name);
      serverLine = df.stages[df.stages.length - 1]?.line ?? 1;
    }
    const extra: Asset[] = [];
    if (server) {
      found.reasons.push(`runs ${server.name}`);
      for (const port of exposed.size ? exposed.keys() : [server.port]) {
        const portId = `${id}:${port}`;
        found.relations.push({ type: 'exposes', target: portId });
        extra.push(asset('ai-server', portId, `${file.path}:${port}`, at(file.path, exposed.get(port) ?? serverLine), { platform: 'dockerfile', product: server.name, server: server.name, port, exposed: exposed.has(port), bindsAllInterfaces: bindsAll }, { confidence: 0.8 }));
      }
    }
    const accelerator = finalBase ? gpuOf(finalBase) : undefined;
    if (accelerator) {
      found.reasons.push(`GPU base image (${accelerator})`);
      extra.push(asset('gpu-workload', `${id}:gpu`, `${file.path} (${accelerator})`, at(file.path, df.stages[df.stages.length - 1]?.line ?? 1), { platform: 'dockerfile', accelerator, baseImage: finalBase }, { confidence: 0.75, relations: [{ type: 'runs', target: id }] }));
    }
    if (!found.reasons.length) return { assets: packages };
    const relations = [...found.relations, ...packages.map((p) => ({ type: 'depends-on' as const, target: p.id }))];
    return {
      assets: [
        asset('container-image', id, file.path, at(file.path, 1), { build: 'dockerfile', baseImages: bases, aiReasons: [...new Set(found.reasons)] }, { confidence: 0.85, relations }),
        ...extra,
        ...found.assets,
        ...packages,
      ],
    };
  },
};

/** `pip install …` / `uv pip install …` / `npm install …` arguments of one RUN. */
function installs(toks: string[], path: string, line: number): Asset[] {
  const out: Asset[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const isPip = /(?:^|\/)(?:pip3?|pip3\.\d+)$/.test(t) || (t === 'pip' && toks[i - 1] === 'uv') || (t === '-m' && /^pip3?$/.test(toks[i + 1] ?? ''));
    const isNpm = /(?:^|\/)(?:npm|pnpm|yarn)$/.test(t);
    if (!isPip && !isNpm) continue;
    let j = i + 1;
    if (t === '-m') j++;
    if (!['install', 'add', 'i'].includes(toks[j] ?? '')) continue;
    for (j++; j < toks.length; j++) {
      const a = toks[j];
      if (/^(?:&&|\||;|\\|#.*)$/.test(a) || /^(?:pip3?|npm|apt-get|rm|cd|echo)$/.test(a)) break;
      if (a.startsWith('-')) {
        if (/^(?:-r|-c|-e|-i|--index-url|--extra-index-url|--requirement|--constraint|--target|-t|--prefix|--find-links|-f|--registry)$/.test(a)) j++;
        continue;
      }
      if (isPip) {
        const p = parsePipArg(a);
        if (!p) continue;
        const category = aiCategoryOf('pypi', p.name);
        out.push(asset('package', pypiPurl(p.name, p.version), p.name.toLowerCase(), at(path, line), { ecosystem: 'PyPI', specifier: p.specifier, pinned: p.pinned, direct: true, aiCategory: category, installedBy: 'Dockerfile RUN' }, { version: p.version, confidence: 0.9 }));
      } else {
        const m = /^((?:@[a-z0-9._-]+\/)?[a-z0-9._-]+)(?:@([^\s]+))?$/.exec(a);
        if (!m) continue;
        const pinned = !!m[2] && /^\d+\.\d+\.\d+/.test(m[2]);
        out.push(asset('package', npmPurl(m[1], pinned ? m[2] : undefined), m[1], at(path, line), { ecosystem: 'npm', specifier: m[2], pinned, direct: true, aiCategory: aiCategoryOf('npm', m[1]), installedBy: 'Dockerfile RUN' }, { version: pinned ? m[2] : undefined, confidence: 0.9 }));
      }
    }
  }
  return out;
}

/** `python -c "…"` in a RUN: models baked into the image at build time (`snapshot_download('org/name')`, `AutoModel.from_pretrained(…)`). */
const PYTHON_C = /\bpython[\d.]*\s+-c\s+(["'])((?:\\.|(?!\1)[\s\S]){1,8192}?)\1/g;

async function inlinePython(content: string, path: string, line: number): Promise<Asset[]> {
  const out: Asset[] = [];
  for (const m of content.matchAll(PYTHON_C)) {
    const code = m[2].replace(/\\\r?\n/g, ' ').replace(/\\(["'\\$])/g, '$1').replace(/;\s*/g, '\n');
    if (!mayYieldAssets('python', code)) continue;
    const tree = await parseCode('python', code);
    if (!tree) continue;
    try {
      const assets = detectAssets(extractFacts('python', tree, () => line), path, 'python');
      out.push(...assets.filter((a) => a.kind !== 'package').map((a) => ({ ...a, properties: { ...a.properties, via: 'RUN python -c' } })));
    } finally {
      tree.delete();
    }
  }
  return out;
}

/** `ENV A=1 B=2` and the legacy `ENV A 1`. */
function envPairs(args: string[]): [string, string][] {
  if (args.length === 2 && !args[0].includes('=')) return [[args[0], args[1].replace(/^["']|["']$/g, '')]];
  return args.flatMap((a): [string, string][] => {
    const eq = a.indexOf('=');
    return eq > 0 ? [[a.slice(0, eq), a.slice(eq + 1).replace(/^["']|["']$/g, '')]] : [];
  });
}

/** `--host 0.0.0.0` / `--host=127.0.0.1` / `--hostname …` on a server command line: true when it listens on every interface. */
function hostFlag(toks: string[]): boolean | undefined {
  for (let i = 0; i < toks.length; i++) {
    const m = /^--(?:host|hostname|bind)(?:=(.*))?$/.exec(toks[i]);
    if (!m) continue;
    const v = m[1] ?? toks[i + 1] ?? '';
    return /^(?:0\.0\.0\.0|::|\[::\])$/.test(v);
  }
  return undefined;
}

/**
 * The accelerator stack a base image ships: CUDA (`nvidia/cuda`, NGC images under `nvcr.io/nvidia/`,
 * framework images tagged `-cuda12.4-`), ROCm (`rocm/*`, `-rocm6.2` tags) or the catalogue's GPU runtimes.
 */
function gpuOf(image: string): string | undefined {
  const ref = parseImageRef(image);
  if (!ref) return undefined;
  const tag = ref.tag?.toLowerCase() ?? '';
  if (ref.repository.startsWith('rocm/') || /(?:^|[-_.])rocm\d/.test(tag)) return 'ROCm';
  if (/(?:^|\/)cuda$/.test(ref.repository) || (ref.registry === 'nvcr.io' && ref.repository.startsWith('nvidia/')) || /(?:^|[-_.])cuda\d/.test(tag) || /(?:^|[-_.])cu\d{3}/.test(tag)) return 'CUDA';
  return classifyImage(ref)?.category === 'gpu-runtime' ? 'GPU runtime' : undefined;
}
