/**
 * Shell scripts (`entrypoint.sh`, `start.sh`, `*.sh`): the models a container pulls or serves when
 * it starts (issue 13.3: real projects pull them in entrypoints, not in the Dockerfile):
 * `ollama pull|run <model>`, `vllm serve <org/name>`, `huggingface-cli download <org/name>`, the
 * model flags the other infrastructure analyzers read (`--model`, `--model-id` …), and AI images
 * started with `docker run` (TGI, vLLM, Ollama …) with the model they are given. Line-based, as the
 * scripts' commands are (backslash continuations joined); values built from variables are not
 * guessed. Notebook shell escapes (`!docker run …`) are read with the same code.
 */
import type { Analyzer, AnalyzerResult } from '../../core/analyzer.js';
import type { Asset } from '../../core/model.js';
import { asset, at, hfModelAsset } from '../assets.js';
import { addImage, emptyFound, modelsFromArgs, ollamaModelsFromArgs } from './signals.js';

const MAX_SCRIPT_BYTES = 256 * 1024;
const SCRIPT_NAME = /^(?:docker-)?entrypoint(?:\.\w+)?$|^start(?:-\w+)?$/;
/** Words without which a script cannot yield anything here (checked before splitting lines). */
export const SHELL_HINT = /\b(?:ollama|vllm|sglang|huggingface-cli|hf|docker|podman)\b|--model/;

/** `docker run` options that take a value as the next token. */
const RUN_VALUE_OPTS = new Set([
  '-p', '--publish', '-v', '--volume', '-e', '--env', '--env-file', '--name', '--gpus', '--shm-size', '-w', '--workdir', '--network', '--net',
  '--entrypoint', '--mount', '--device', '--ipc', '--runtime', '-u', '--user', '--platform', '-l', '--label', '--cpus', '-m', '--memory',
  '--ulimit', '--add-host', '-h', '--hostname', '--restart', '--log-driver', '--pull', '--cap-add', '--cap-drop', '--security-opt', '--tmpfs', '--pid',
]);

export const shellScriptAnalyzer: Analyzer = {
  name: 'bom-shell-scripts',
  version: 1,
  rules: [],
  match: (f) => f.size <= MAX_SCRIPT_BYTES && (f.ext === '.sh' || f.ext === '.bash' || SCRIPT_NAME.test(f.name)),
  async analyze(file): Promise<AnalyzerResult> {
    const text = await file.text();
    if (text === undefined || !SHELL_HINT.test(text)) return {};
    const assets: Asset[] = [];
    for (const { text: line, line: n } of logicalLines(text.split(/\r?\n/).map((t, i) => ({ text: t, line: i + 1 })))) assets.push(...shellLineAssets(line, file.path, n));
    return { assets };
  },
};

/** Joins backslash-continued lines (`docker run \` …) into one, attributed to the first line; drops comments. */
export function logicalLines(rows: { text: string; line: number }[]): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let cur: { text: string; line: number } | undefined;
  for (const r of rows) {
    const t = r.text.replace(/(^|\s)#.*$/, '');
    const cont = /\\\s*$/.test(t);
    const body = t.replace(/\\\s*$/, ' ');
    if (cur) cur.text += ` ${body}`;
    else cur = { text: body, line: r.line };
    if (!cont) {
      if (cur.text.trim()) out.push(cur);
      cur = undefined;
    }
  }
  if (cur?.text.trim()) out.push(cur);
  return out;
}

/** Assets of one logical shell line. */
export function shellLineAssets(line: string, path: string, lineNo: number): Asset[] {
  const toks = line.split(/\s+|&&|;|\|\|/).map((t) => t.replace(/^["']|["']$/g, '')).filter(Boolean);
  const loc = at(path, lineNo);
  const assets: Asset[] = [];
  for (const model of ollamaModelsFromArgs(toks)) {
    assets.push(asset('model', `model:ollama/${model}`, model, loc, { provider: 'ollama', via: 'ollama pull/run' }, { confidence: 0.9, relations: [{ type: 'uses', target: 'llm-provider:ollama' }] }));
  }
  for (const id of modelsFromArgs(toks)) assets.push(hfModelAsset(id, loc, { via: 'shell script' }, 0.85));
  const found = emptyFound();
  for (const image of dockerRunImages(toks)) addImage(found, image, loc);
  assets.push(...found.assets.map((a) => ({ ...a, properties: { ...a.properties, startedBy: 'docker run' } })));
  return assets;
}

/** The images of `docker run` / `podman run` commands (each: the first argument that is not an option or its value). */
export function dockerRunImages(toks: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < toks.length; i++) {
    if (!/(?:^|\/)(?:docker|podman)$/.test(toks[i]) || (toks[i + 1] !== 'run' && !(toks[i + 1] === 'container' && toks[i + 2] === 'run'))) continue;
    let j = i + (toks[i + 1] === 'run' ? 2 : 3);
    for (; j < toks.length; j++) {
      const t = toks[j];
      if (!t.startsWith('-')) break;
      if (!t.includes('=') && RUN_VALUE_OPTS.has(t)) j++;
    }
    if (j < toks.length && !toks[j].includes('$')) out.push(toks[j]);
    i = j; // the image and its arguments are not another command's start
  }
  return out;
}
