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

describe('Dockerfiles that run an AI server or need a GPU (issue 13.4)', () => {
  // Shaped like the Ollama images of open-webui-style stacks: the server binds every interface.
  const ollama = ['FROM ollama/ollama:0.5.7', 'ENV OLLAMA_HOST=0.0.0.0', 'ENV OLLAMA_KEEP_ALIVE=24h', 'COPY entrypoint.sh /entrypoint.sh', 'EXPOSE 11434', 'ENTRYPOINT ["/bin/sh", "/entrypoint.sh"]'].join('\n');
  // vLLM installed on a CUDA base image.
  const vllm = [
    'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04',
    'RUN apt-get update && apt-get install -y python3-pip && pip3 install vllm==0.6.3',
    'EXPOSE 8000/tcp',
    'CMD ["python3", "-m", "vllm.entrypoints.openai.api_server", "--host", "0.0.0.0", "--model", "mistralai/Mistral-7B-Instruct-v0.3"]',
  ].join('\n');

  const servers = (assets: { kind: string; id: string; properties: Record<string, unknown> }[]) =>
    assets.filter((a) => a.kind === 'ai-server').map((a) => `${a.id} ${String(a.properties.server)} ${String(a.properties.bindsAllInterfaces)}`);

  it('an Ollama image bound to 0.0.0.0 with EXPOSE 11434 is an AI server on that port', async () => {
    const { assets } = await analyze(dockerfileAnalyzer, 'ollama/Dockerfile', ollama);
    expect(servers(assets)).toEqual(['dockerfile:ollama/Dockerfile:11434 Ollama true']);
    const df = assets.find((a) => a.id === 'dockerfile:ollama/Dockerfile')!;
    expect(df.relations).toContainEqual({ type: 'exposes', target: 'dockerfile:ollama/Dockerfile:11434' });
    expect(sightings(assets)).toContain('dockerfile:ollama/Dockerfile:11434@5');
  });

  it('vLLM started by CMD on a CUDA base is an AI server and a GPU workload', async () => {
    const { assets } = await analyze(dockerfileAnalyzer, 'Dockerfile', vllm);
    expect(servers(assets)).toEqual(['dockerfile:Dockerfile:8000 vLLM true']);
    const gpu = assets.filter((a) => a.kind === 'gpu-workload');
    expect(gpu.map((a) => `${a.id} ${String(a.properties.accelerator)}`)).toEqual(['dockerfile:Dockerfile:gpu CUDA']);
    expect(sightings(assets)).toContain('pkg:huggingface/mistralai/Mistral-7B-Instruct-v0.3@4');
  });

  it('`ollama serve` without EXPOSE listens on the server\'s default port; ROCm and CUDA-tagged bases are GPU workloads', async () => {
    const a = await analyze(dockerfileAnalyzer, 'Dockerfile', 'FROM ubuntu:22.04\nRUN curl -fsSL https://ollama.com/install.sh | sh\nCMD ["ollama", "serve"]\n');
    expect(servers(a.assets)).toEqual(['dockerfile:Dockerfile:11434 Ollama undefined']);
    expect(sightings(a.assets)).toContain('dockerfile:Dockerfile:11434@3');
    const rocm = await analyze(dockerfileAnalyzer, 'Dockerfile', 'FROM python:3.12 AS build\nRUN echo\nFROM rocm/dev-ubuntu-22.04:6.2\nRUN pip install torch\n');
    expect(sightings(rocm.assets)).toContain('dockerfile:Dockerfile:gpu@3');
    expect(rocm.assets.filter((x) => x.kind === 'gpu-workload').map((x) => x.properties.accelerator)).toEqual(['ROCm']);
    const pt = await analyze(dockerfileAnalyzer, 'Dockerfile', 'FROM pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime\nCMD ["python", "train.py"]\n');
    expect(pt.assets.filter((x) => x.kind === 'gpu-workload').map((x) => x.properties.accelerator)).toEqual(['CUDA']);
    expect(servers(pt.assets)).toEqual([]);
  });

  it('ENTRYPOINT ["/bin/ollama"] with CMD ["serve"], as Ollama\'s own Dockerfile writes it', async () => {
    const df = ['FROM ubuntu:24.04', 'COPY --from=build /bin/ollama /bin/ollama', 'EXPOSE 11434', 'ENTRYPOINT ["/bin/ollama"]', 'CMD ["serve"]'].join('\n');
    const { assets } = await analyze(dockerfileAnalyzer, 'Dockerfile', df);
    expect(servers(assets)).toEqual(['dockerfile:Dockerfile:11434 Ollama undefined']);
  });

  it('a web app with EXPOSE 8000 and a CPU base is neither', async () => {
    const { assets } = await analyze(dockerfileAnalyzer, 'Dockerfile', 'FROM python:3.12-slim\nRUN pip install fastapi uvicorn\nEXPOSE 8000\nENV HOST=0.0.0.0\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n');
    expect(assets.filter((x) => x.kind === 'ai-server' || x.kind === 'gpu-workload')).toEqual([]);
  });
});

describe('Dockerfile build arguments (issue 13.1)', () => {
  it('ARG defaults resolve in pip installs; an unknown variable is not a version', async () => {
    // Shaped like the Dockerfiles of text-generation-inference and vLLM (global ARG, re-declared in the stage).
    const df = ['ARG PYTORCH_VERSION=2.7.0', 'FROM python:3.12-slim AS base', 'ARG PYTORCH_VERSION', 'ARG TRANSFORMERS=4.53.0', 'ENV VLLM_V=0.9.1', 'RUN pip install torch==${PYTORCH_VERSION} "transformers==$TRANSFORMERS" vllm==${VLLM_V} accelerate==${ACCEL_VERSION}'].join('\n');
    const { assets } = await analyze(dockerfileAnalyzer, 'Dockerfile', df);
    expect(assets.filter((a) => a.kind === 'package').map((a) => `${a.id} ${String(a.properties.pinned)}`).sort()).toEqual([
      'pkg:pypi/accelerate false',
      'pkg:pypi/torch@2.7.0 true',
      'pkg:pypi/transformers@4.53.0 true',
      'pkg:pypi/vllm@0.9.1 true',
    ]);
  });
});

describe('models baked in with python -c (issue 13.3)', () => {
  it('snapshot_download and from_pretrained in a RUN python -c', async () => {
    const df = [
      'FROM python:3.11-slim',
      'RUN pip install huggingface_hub==0.26.2 sentence-transformers==3.3.1',
      'RUN python -c "from huggingface_hub import snapshot_download; snapshot_download(\'BAAI/bge-small-en-v1.5\', local_dir=\'/models/bge\')"',
      "RUN python3 -c 'from sentence_transformers import SentenceTransformer; SentenceTransformer(\"all-MiniLM-L6-v2\")'",
      'RUN python -c "print(1)"',
    ].join('\n');
    const { assets } = await analyze(dockerfileAnalyzer, 'Dockerfile', df);
    expect(sightings(assets.filter((a) => a.kind === 'model')).sort()).toEqual(['pkg:huggingface/BAAI/bge-small-en-v1.5@3', 'pkg:huggingface/sentence-transformers/all-MiniLM-L6-v2@4']);
    expect(assets.find((a) => a.id === 'dockerfile:Dockerfile')!.properties.aiReasons).toContain('downloads BAAI/bge-small-en-v1.5');
  });
});
