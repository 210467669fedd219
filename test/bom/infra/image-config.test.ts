import { describe, expect, it } from 'vitest';
import { imageConfigAnalyzer } from '../../../src/discovery/infra/image-config.js';
import { IMAGE_CONFIG_PATH, imageConfigDocument } from '../../../src/targets/image/image-config.js';
import { analyze, sightings } from '../helpers.js';

describe('image config (image targets)', () => {
  const doc = imageConfigDocument({
    architecture: 'amd64',
    config: {
      Env: ['PATH=/usr/bin', 'HF_MODEL_ID=microsoft/Phi-3-mini-4k-instruct', 'OPENAI_BASE_URL=https://api.openai.com/v1'],
      Entrypoint: ['python3', '-m', 'vllm.entrypoints.openai.api_server'],
      Cmd: ['--model', 'microsoft/Phi-3-mini-4k-instruct'],
      Labels: { 'org.opencontainers.image.base.name': 'nvcr.io/nvidia/cuda:12.4.1-runtime-ubuntu22.04' },
    },
    history: [{ created_by: 'RUN /bin/sh -c pip install --no-cache-dir vllm==0.6.4 fastapi # buildkit' }],
  }, ['acme/phi-server:1.2']);

  it('inventories the scanned image: base image, model, provider, installed AI packages', async () => {
    const { assets } = await analyze(imageConfigAnalyzer, IMAGE_CONFIG_PATH, doc);
    const s = sightings(assets);
    expect(s).toEqual(expect.arrayContaining(['pkg:docker/acme/phi-server@1.2@1', 'pkg:huggingface/microsoft/Phi-3-mini-4k-instruct@9', 'llm-provider:openai@10', 'pkg:pypi/vllm@0.6.4@27']));
    expect(s.some((x) => x.startsWith('pkg:pypi/buildkit'))).toBe(false);
    expect(s.some((x) => x.startsWith('pkg:docker/nvidia/cuda@12.4.1-runtime-ubuntu22.04?repository_url=nvcr.io@'))).toBe(true);
    const img = assets.find((a) => a.id === 'pkg:docker/acme/phi-server@1.2')!;
    expect(img.relations).toEqual(expect.arrayContaining([{ type: 'serves', target: 'pkg:huggingface/microsoft/Phi-3-mini-4k-instruct' }, { type: 'depends-on', target: 'pkg:pypi/vllm@0.6.4' }]));
  });

  it('lists only packages for a non-AI image', async () => {
    const plain = imageConfigDocument({ config: { Env: ['PATH=/usr/bin'], Cmd: ['nginx'] }, history: [{ created_by: 'RUN pip install flask' }] }, ['web:1']);
    const { assets } = await analyze(imageConfigAnalyzer, IMAGE_CONFIG_PATH, plain);
    expect(assets.map((a) => a.id)).toEqual(['pkg:pypi/flask']);
  });

  it('only looks at the virtual config file', () => {
    expect(imageConfigAnalyzer.match({ path: 'app/image-config.json', name: 'image-config.json', ext: '.json', size: 10 })).toBe(false);
  });
});
