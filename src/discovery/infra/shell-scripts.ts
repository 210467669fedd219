/**
 * Shell scripts (`entrypoint.sh`, `start.sh`, `*.sh`): the models a container pulls or serves when
 * it starts (issue 13.3: real projects pull them in entrypoints, not in the Dockerfile):
 * `ollama pull|run <model>`, `vllm serve <org/name>`, `huggingface-cli download <org/name>`, and the
 * model flags the other infrastructure analyzers read (`--model`, `--model-id` …). Line-based, as
 * the scripts' commands are; values built from variables are not guessed.
 */
import type { Analyzer, AnalyzerResult } from '../../core/analyzer.js';
import type { Asset } from '../../core/model.js';
import { asset, at, hfModelAsset } from '../assets.js';
import { providerModelId } from '../ids.js';
import { modelsFromArgs } from './signals.js';

const MAX_SCRIPT_BYTES = 256 * 1024;
const SCRIPT_NAME = /^(?:docker-)?entrypoint(?:\.\w+)?$|^start(?:-\w+)?$/;

export const shellScriptAnalyzer: Analyzer = {
  name: 'bom-shell-scripts',
  version: 1,
  rules: [],
  match: (f) => f.size <= MAX_SCRIPT_BYTES && (f.ext === '.sh' || f.ext === '.bash' || SCRIPT_NAME.test(f.name)),
  async analyze(file): Promise<AnalyzerResult> {
    const text = await file.text();
    if (text === undefined || !/\b(?:ollama|vllm|sglang|huggingface-cli|hf|--model)\b/.test(text)) return {};
    const assets: Asset[] = [];
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.replace(/(^|\s)#.*$/, '');
      if (!line.trim()) return;
      const toks = line.split(/\s+|&&|;|\|\|/).map((t) => t.replace(/^["']|["']$/g, '')).filter(Boolean);
      const loc = at(file.path, i + 1);
      for (let j = 0; j + 2 < toks.length; j++) {
        if (!/(?:^|\/)ollama$/.test(toks[j]) || (toks[j + 1] !== 'pull' && toks[j + 1] !== 'run')) continue;
        const model = toks[j + 2] && !toks[j + 2].includes('$') ? providerModelId(toks[j + 2]) : undefined;
        if (model) assets.push(asset('model', `model:ollama/${model}`, model, loc, { provider: 'ollama', via: `ollama ${toks[j + 1]}` }, { confidence: 0.9, relations: [{ type: 'uses', target: 'llm-provider:ollama' }] }));
      }
      for (const id of modelsFromArgs(toks)) assets.push(hfModelAsset(id, loc, { via: 'shell script' }, 0.85));
    });
    return { assets };
  },
};
