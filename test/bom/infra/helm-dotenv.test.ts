import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dotenvAnalyzer } from '../../../src/discovery/infra/dotenv.js';
import { k8sAnalyzer } from '../../../src/discovery/infra/k8s.js';
import { analyze, sightings } from '../helpers.js';

const chart = (n: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'chart', n));

describe('Helm chart values', () => {
  it('reads images, accelerators and model args from values.yaml next to Chart.yaml', async () => {
    const { assets } = await analyze(k8sAnalyzer, 'charts/llm/values.yaml', chart('values.yaml'), { 'charts/llm/Chart.yaml': chart('Chart.yaml') });
    expect(sightings(assets)).toEqual(expect.arrayContaining([
      'helm:charts/llm@1',
      'pkg:docker/huggingface/text-generation-inference@2.4.0?repository_url=ghcr.io@2',
      'pkg:huggingface/HuggingFaceH4/zephyr-7b-beta@8',
    ]));
    expect(assets.find((a) => a.id === 'helm:charts/llm')).toMatchObject({ kind: 'ai-server', properties: { accelerators: { 'nvidia.com/gpu': 1 } } });
  });

  it('ignores values.yaml outside a chart and values without AI signs', async () => {
    expect((await analyze(k8sAnalyzer, 'cfg/values.yaml', chart('values.yaml'))).assets).toEqual([]);
    const plain = await analyze(k8sAnalyzer, 'charts/web/values.yaml', 'image:\n  repository: nginx\n  tag: "1.27"\n', { 'charts/web/Chart.yaml': chart('Chart.yaml') });
    expect(plain.assets).toEqual([]);
  });
});

describe('.env files', () => {
  it('reports providers and models by variable name and keeps no values', async () => {
    const env = '# LLM\nOPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz0123456789\nexport AZURE_OPENAI_ENDPOINT="https://acme.openai.azure.com/"\nMODEL_ID=meta-llama/Llama-3.2-3B-Instruct # default\nDATABASE_URL=postgres://x\n';
    const { assets } = await analyze(dotenvAnalyzer, '.env.example', env);
    expect(sightings(assets)).toEqual(['llm-provider:openai@2', 'llm-provider:azure-openai@3', 'pkg:huggingface/meta-llama/Llama-3.2-3B-Instruct@4']);
    expect(JSON.stringify(assets)).not.toContain('sk-proj');
  });

  it('stays quiet on env files without AI variables', async () => {
    const { assets } = await analyze(dotenvAnalyzer, '.env', 'PORT=8080\nDEBUG=1\nMODEL=standard\n');
    expect(assets).toEqual([]);
  });
});
