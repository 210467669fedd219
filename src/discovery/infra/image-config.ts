/**
 * The scanned container image itself (image targets expose its config as a virtual JSON file):
 * the image (from its tags and OCI labels), the base image, models and providers named in `Env`,
 * `Cmd` and `Entrypoint`, and packages installed by `RUN pip install` in the build history.
 */
import type { Analyzer, AnalyzerResult, FileInfo } from '../../core/analyzer.js';
import type { Asset } from '../../core/model.js';
import { classifyImage, imagePurl, parseImageRef } from '../../catalog/ai-images.js';
import { IMAGE_CONFIG_PATH } from '../../targets/image/image-config.js';
import { asset, at } from '../assets.js';
import { pypiPurl } from '../ids.js';
import { isRecord, JsonDocError, parseJsonDoc } from '../json-doc.js';
import { aiCategoryOf, parsePipArg } from '../package-class.js';
import { addEnv, addImage, addModels, emptyFound, modelsFromArgs, tokens } from './signals.js';

export const imageConfigAnalyzer: Analyzer = {
  name: 'bom-image-config',
  version: 1,
  rules: [],
  match(f: FileInfo) {
    return f.path === IMAGE_CONFIG_PATH;
  },
  async analyze(file): Promise<AnalyzerResult> {
    const text = await file.text();
    if (text === undefined) return {};
    let doc;
    try {
      doc = parseJsonDoc(text);
    } catch (err) {
      if (err instanceof JsonDocError) return { notes: [{ level: 'warning', path: file.path, message: `bom-image-config: ${err.message}`, source: 'bom-image-config' }] };
      throw err;
    }
    const v = doc.value;
    if (!isRecord(v)) return {};
    const cfg = isRecord(v.config) ? v.config : {};
    const found = emptyFound();
    const packages: Asset[] = [];
    const env = Array.isArray(cfg.Env) ? cfg.Env : [];
    env.forEach((e, i) => {
      if (typeof e !== 'string') return;
      const eq = e.indexOf('=');
      if (eq > 0) addEnv(found, e.slice(0, eq), e.slice(eq + 1), at(file.path, doc.lineOf(['config', 'Env', i])));
    });
    for (const key of ['Entrypoint', 'Cmd'] as const) {
      const list = Array.isArray(cfg[key]) ? (cfg[key] as unknown[]) : [];
      addModels(found, modelsFromArgs(tokens(list)), at(file.path, doc.lineOf(['config', key])), key);
    }
    const labels = isRecord(cfg.Labels) ? cfg.Labels : {};
    const base = typeof labels['org.opencontainers.image.base.name'] === 'string' ? (labels['org.opencontainers.image.base.name'] as string) : undefined;
    if (base) addImage(found, base, at(file.path, doc.lineOf(['config', 'Labels', 'org.opencontainers.image.base.name'])));
    const history = Array.isArray(v.history) ? v.history : [];
    history.forEach((h, i) => {
      if (!isRecord(h) || typeof h.created_by !== 'string') return;
      const toks = tokens([h.created_by]);
      const loc = at(file.path, doc.lineOf(['history', i, 'created_by']));
      addModels(found, modelsFromArgs(toks), loc, 'history');
      for (let j = 0; j < toks.length; j++) {
        if (!/(?:^|\/)pip3?$/.test(toks[j]) || toks[j + 1] !== 'install') continue;
        for (let k = j + 2; k < toks.length && !/^(?:&&|;|\||\\|#.*)$/.test(toks[k]); k++) {
          if (toks[k].startsWith('-')) continue;
          const p = parsePipArg(toks[k]);
          if (!p) continue;
          packages.push(asset('package', pypiPurl(p.name, p.version), p.name.toLowerCase(), loc, { ecosystem: 'pypi', specifier: p.specifier, pinned: p.pinned, direct: true, aiCategory: aiCategoryOf('pypi', p.name), installedBy: 'image history' }, { version: p.version, confidence: 0.85 }));
        }
      }
    });
    const tags = Array.isArray(v.tags) ? v.tags.filter((t): t is string => typeof t === 'string') : [];
    const own = tags.map((t) => parseImageRef(t)).find((r) => r !== undefined);
    const ownAi = tags.map((t) => classifyImage(t)).find((e) => e !== undefined);
    const aiPackages = packages.filter((p) => p.properties.aiCategory);
    if (aiPackages.length) found.reasons.push(`installs ${aiPackages.map((p) => p.name).join(', ')}`);
    if (ownAi) found.reasons.push(`image ${ownAi.name}`);
    if (!found.reasons.length) return { assets: packages };
    const id = own ? imagePurl(own) : 'image:target';
    return {
      assets: [
        asset('container-image', id, tags[0] ?? 'scanned image', at(file.path, 1), { scanned: true, tags, aiImage: ownAi?.name, baseImage: base, aiReasons: [...new Set(found.reasons)] }, { confidence: 0.9, relations: [...found.relations, ...packages.map((p) => ({ type: 'depends-on' as const, target: p.id }))] }),
        ...found.assets,
        ...packages,
      ],
    };
  },
};
