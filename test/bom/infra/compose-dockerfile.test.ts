import { describe, expect, it } from 'vitest';
import { composeAnalyzer } from '../../../src/discovery/infra/compose.js';
import { dockerfileAnalyzer } from '../../../src/discovery/infra/dockerfile.js';
import { analyze, ids, sightings } from '../helpers.js';

describe('docker-compose discovery', () => {
  const compose = [
    'services:',
    '  tgi:',
    '    image: ghcr.io/huggingface/text-generation-inference:2.4.0',
    '    command: --model-id HuggingFaceH4/zephyr-7b-beta --port 80',
    '    ports: ["8080:80"]',
    '    runtime: nvidia',
    '  api:',
    '    build: .',
    '    environment:',
    '      ANTHROPIC_API_KEY: ${ANTHROPIC_API_KEY}',
    '  cache:',
    '    image: redis:7',
    '    ports: ["6379:6379"]',
  ].join('\n');

  it('finds AI services, their model, GPU runtime, published ports and provider credentials', async () => {
    const { assets } = await analyze(composeAnalyzer, 'docker-compose.yaml', compose);
    expect(sightings(assets)).toEqual(expect.arrayContaining([
      'compose:docker-compose.yaml#tgi@2',
      'pkg:docker/huggingface/text-generation-inference@2.4.0?repository_url=ghcr.io@3',
      'pkg:huggingface/HuggingFaceH4/zephyr-7b-beta@4',
      'compose:docker-compose.yaml#tgi:8080@5',
      'compose:docker-compose.yaml#api@7',
      'llm-provider:anthropic@10',
    ]));
    const tgi = assets.find((a) => a.id === 'compose:docker-compose.yaml#tgi')!;
    expect(tgi.kind).toBe('ai-server');
    expect(tgi.properties.accelerators).toBe('runtime nvidia');
    expect(assets.find((a) => a.id === 'compose:docker-compose.yaml#tgi:8080')!.properties.bindsAllInterfaces).toBe(true);
  });

  it('reports vector databases run as images under the same id as in code', async () => {
    const { assets } = await analyze(composeAnalyzer, 'compose.yaml', 'services:\n  vectors:\n    image: qdrant/qdrant:v1.12.1\n');
    expect(sightings(assets)).toContain('vector-store:qdrant@3');
  });

  it('does not report plain services', async () => {
    const { assets } = await analyze(composeAnalyzer, 'docker-compose.yaml', compose);
    expect(ids(assets).some((i) => i.includes('cache') || i.includes('redis'))).toBe(false);
  });

  it('notes malformed compose files', async () => {
    const { assets, notes } = await analyze(composeAnalyzer, 'compose.yml', 'services:\n  a: [\n');
    expect(assets).toEqual([]);
    expect(notes[0].level).toBe('warning');
  });
});

describe('Dockerfile discovery', () => {
  const df = [
    'FROM pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime AS train',
    'RUN pip install --no-cache-dir transformers==4.46.3 "peft>=0.13" datasets \\',
    '    && huggingface-cli download google/gemma-2-2b-it --local-dir /models/gemma',
    'FROM train',
    'RUN curl -fsSL https://ollama.com/install.sh | sh && ollama pull llama3.2:1b',
    'ENV HF_MODEL_ID=google/gemma-2-2b-it',
    'CMD ["python", "serve.py"]',
  ].join('\n');

  it('finds AI base images, installed AI packages (pinned or not) and pulled models', async () => {
    const { assets } = await analyze(dockerfileAnalyzer, 'Dockerfile', df);
    expect(sightings(assets)).toEqual(expect.arrayContaining([
      'dockerfile:Dockerfile@1',
      'pkg:docker/pytorch/pytorch@2.5.1-cuda12.4-cudnn9-runtime@1',
      'pkg:pypi/transformers@4.46.3@2',
      'pkg:pypi/peft@2',
      'pkg:pypi/datasets@2',
      'pkg:huggingface/google/gemma-2-2b-it@2',
      'model:ollama/llama3.2:1b@5',
      'pkg:huggingface/google/gemma-2-2b-it@6',
    ]));
    const peft = assets.find((a) => a.id === 'pkg:pypi/peft')!;
    expect(peft.properties).toMatchObject({ pinned: false, specifier: '>=0.13', aiCategory: 'framework' });
    // `FROM train` is a stage, not an image.
    expect(ids(assets).some((i) => i.includes('docker/library/train') || i === 'pkg:docker/train')).toBe(false);
  });

  it('lists packages of a non-AI Dockerfile without labelling them AI', async () => {
    const { assets } = await analyze(dockerfileAnalyzer, 'web/Dockerfile', 'FROM python:3.12-slim\nRUN pip install flask==3.1.0 requests\n');
    expect(assets.map((a) => a.kind)).toEqual(['package', 'package']);
    expect(assets.every((a) => a.properties.aiCategory === undefined)).toBe(true);
  });
});
