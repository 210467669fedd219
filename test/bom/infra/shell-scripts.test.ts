/** Issue 13.3: models pulled or served by entrypoint scripts join the inventory. */
import { describe, expect, it } from 'vitest';
import { shellScriptAnalyzer } from '../../../src/discovery/infra/shell-scripts.js';
import { analyze, sightings } from '../helpers.js';

describe('shell scripts', () => {
  it('ollama pull/run, vllm serve and model flags in an entrypoint', async () => {
    const script = [
      '#!/bin/sh',
      'ollama serve &',
      'sleep 5 && ollama pull llama3.2',
      '# ollama pull commented-out:7b',
      'ollama run qwen2.5-coder:7b "warm up"',
      'ollama pull "$MODEL"',
      'exec vllm serve Qwen/Qwen2.5-7B-Instruct --port 8000',
      'python -m sglang.launch_server --model-path meta-llama/Llama-3.1-8B-Instruct',
      '',
    ].join('\n');
    const res = await analyze(shellScriptAnalyzer, 'docker/entrypoint.sh', script);
    expect(sightings(res.assets).sort()).toEqual([
      'model:ollama/llama3.2@3',
      'model:ollama/qwen2.5-coder:7b@5',
      'pkg:huggingface/Qwen/Qwen2.5-7B-Instruct@7',
      'pkg:huggingface/meta-llama/Llama-3.1-8B-Instruct@8',
    ]);
  });

  it('scripts that mention none of it, and files that are not scripts, give nothing', async () => {
    expect((await analyze(shellScriptAnalyzer, 'build.sh', 'make -j4\necho done\n')).assets).toEqual([]);
    expect(shellScriptAnalyzer.match({ path: 'README.md', name: 'readme.md', ext: '.md', size: 10 })).toBe(false);
    expect(shellScriptAnalyzer.match({ path: 'docker/entrypoint', name: 'entrypoint', ext: '', size: 10 })).toBe(true);
  });
});
