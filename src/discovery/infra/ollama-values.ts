/**
 * Models an Ollama Helm chart pulls at start-up, from its values (`ollama: {models: {pull: [llama3.2],
 * run: [...]}}` in the otwld/ollama-helm chart; a plain `models: [...]` list in its older releases;
 * the same block under `ollama:` when Open WebUI's chart embeds it). Read from chart values and from
 * the values files users keep for `helm install -f`.
 */
import type { YamlPath } from '../../documents/yaml.js';
import { providerModelId } from '../ids.js';
import { isRecord } from '../json-doc.js';

export interface PulledModel {
  id: string;
  line: number;
}

export function ollamaChartModels(root: unknown, lineOf: (p: YamlPath) => number): PulledModel[] {
  const out: PulledModel[] = [];
  const visit = (v: unknown, p: YamlPath, depth: number) => {
    if (!isRecord(v) || depth > 3) return;
    const o = v.ollama;
    if (isRecord(o)) {
      const models = o.models;
      const lists: [unknown, YamlPath][] = Array.isArray(models)
        ? [[models, [...p, 'ollama', 'models']]]
        : isRecord(models)
          ? (['pull', 'run', 'create'] as const).map((k) => [models[k], [...p, 'ollama', 'models', k]] as [unknown, YamlPath])
          : [];
      for (const [list, lp] of lists) {
        if (!Array.isArray(list)) continue;
        list.forEach((m, i) => {
          // `create` entries are `{name, template}` objects: the name is the model.
          const raw = typeof m === 'string' ? m : isRecord(m) && typeof m.name === 'string' ? m.name : undefined;
          const id = raw && !raw.includes('{{') ? providerModelId(raw) : undefined;
          if (id && !out.some((x) => x.id === id)) out.push({ id, line: lineOf([...lp, i]) });
        });
      }
      visit(o, [...p, 'ollama'], depth + 1);
    }
  };
  visit(root, [], 0);
  return out;
}
