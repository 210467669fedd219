/**
 * Issue 13.3/13.2: models named where real projects put them — Ray Serve LLM configs (serve config
 * YAML, a KubeRay RayService's serveConfigV2, Python `LLMConfig`), `ollama pull` in compose commands
 * and container args, AI images started with `docker run` in scripts and notebooks — and
 * placeholder locations (`s3://my-bucket/…`, `gs://your-bucket`, `${VAR}`) that are not assets.
 */
import { describe, expect, it } from 'vitest';
import { codeAnalyzer } from '../../../src/discovery/code/analyzer.js';
import { composeAnalyzer } from '../../../src/discovery/infra/compose.js';
import { k8sAnalyzer } from '../../../src/discovery/infra/k8s.js';
import { rayServeAnalyzer } from '../../../src/discovery/infra/ray-serve.js';
import { shellScriptAnalyzer } from '../../../src/discovery/infra/shell-scripts.js';
import { isPlaceholderUri } from '../../../src/discovery/placeholders.js';
import { analyze, ids, sightings } from '../helpers.js';

// The shape of Ray's own serve LLM examples (`serve run config.yaml`).
const SERVE_CONFIG = `applications:
- name: llm_app
  route_prefix: "/"
  import_path: ray.serve.llm:build_openai_app
  args:
    llm_configs:
      - model_loading_config:
          model_id: qwen-0.5b
          model_source: Qwen/Qwen2.5-0.5B-Instruct
        accelerator_type: A10G
        deployment_config:
          autoscaling_config:
            min_replicas: 1
            max_replicas: 2
      - model_loading_config:
          model_id: llama-3.1-8b
          model_source:
            bucket_uri: s3://acme-ml-prod/llama-3.1-8b-instruct
      - model_loading_config:
          model_id: demo
          model_source: gs://your-bucket/models/demo
`;

const RAY_SERVICE = `apiVersion: ray.io/v1
kind: RayService
metadata:
  name: ray-serve-llm
spec:
  serveConfigV2: |
    applications:
    - name: llms
      import_path: ray.serve.llm:build_openai_app
      route_prefix: "/"
      args:
        llm_configs:
        - model_loading_config:
            model_id: qwen2.5-7b-instruct
            model_source: Qwen/Qwen2.5-7B-Instruct
          accelerator_type: L4
  rayClusterConfig:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers:
          - name: ray-head
            image: rayproject/ray-llm:2.46.0-py311-cu124
`;

describe('Ray Serve LLM configs', () => {
  it('a serve config names the served models; a placeholder bucket is not one', async () => {
    const { assets } = await analyze(rayServeAnalyzer, 'serve/config.yaml', SERVE_CONFIG);
    expect(sightings(assets.filter((a) => a.kind === 'model')).sort()).toEqual([
      'model-uri:s3://acme-ml-prod/llama-3.1-8b-instruct@17',
      'pkg:huggingface/Qwen/Qwen2.5-0.5B-Instruct@9',
    ]);
    const server = assets.find((a) => a.kind === 'ai-server')!;
    expect(server.id).toBe('ray-serve:serve/config.yaml');
    expect(server.properties.servedModels).toEqual(['qwen-0.5b', 'llama-3.1-8b']);
    expect(assets.find((a) => a.id === 'pkg:huggingface/Qwen/Qwen2.5-0.5B-Instruct')!.properties).toMatchObject({ servedAs: 'qwen-0.5b', acceleratorType: 'A10G' });
  });

  it('YAML without llm_configs is left alone', async () => {
    expect((await analyze(rayServeAnalyzer, 'serve/other.yaml', 'applications:\n- name: x\n  import_path: app:deployment\n')).assets).toEqual([]);
  });

  it('a RayService reads its serveConfigV2 string', async () => {
    const { assets } = await analyze(k8sAnalyzer, 'k8s/ray-service.yaml', RAY_SERVICE);
    expect(sightings(assets)).toEqual(expect.arrayContaining(['pkg:huggingface/Qwen/Qwen2.5-7B-Instruct@15', 'k8s:default/RayService/ray-serve-llm@2']));
    const svc = assets.find((a) => a.id === 'k8s:default/RayService/ray-serve-llm')!;
    expect(svc.relations).toContainEqual({ type: 'serves', target: 'pkg:huggingface/Qwen/Qwen2.5-7B-Instruct' });
  });

  it('Python LLMConfig(model_loading_config=dict(...)) and a dict literal', async () => {
    const src = [
      'from ray import serve',
      'from ray.serve.llm import LLMConfig, build_openai_app',
      '',
      'llm_config = LLMConfig(',
      '    model_loading_config=dict(',
      '        model_id="qwen-0.5b",',
      '        model_source="Qwen/Qwen2.5-0.5B-Instruct",',
      '    ),',
      '    accelerator_type="A10G",',
      ')',
      'other = LLMConfig(model_loading_config={"model_id": "mistralai/Mistral-7B-Instruct-v0.3"})',
      'app = build_openai_app({"llm_configs": [llm_config]})',
      '',
    ].join('\n');
    const { assets } = await analyze(codeAnalyzer, 'serve_llm.py', src);
    // The dict's `model_id` is also a model-named key: the same sighting twice merges into one.
    expect([...new Set(sightings(assets.filter((a) => a.kind === 'model')))].sort()).toEqual(['pkg:huggingface/Qwen/Qwen2.5-0.5B-Instruct@7', 'pkg:huggingface/mistralai/Mistral-7B-Instruct-v0.3@11']);
  });
});

describe('models pulled by compose commands and container args', () => {
  it('ollama pull inside a compose entrypoint string', async () => {
    const compose = [
      'services:',
      '  ollama:',
      '    image: ollama/ollama:0.5.7',
      '    entrypoint: ["/bin/sh", "-c", "ollama serve & sleep 5 && ollama pull llama3.2:3b && ollama pull nomic-embed-text; wait"]',
      '  web:',
      '    image: node:22',
      '    command: sh -c "npm start"',
    ].join('\n');
    const { assets } = await analyze(composeAnalyzer, 'docker-compose.yml', compose);
    expect(sightings(assets.filter((a) => a.kind === 'model')).sort()).toEqual(['model:ollama/llama3.2:3b@4', 'model:ollama/nomic-embed-text@4']);
    expect(assets.find((a) => a.name === 'ollama')!.relations).toContainEqual({ type: 'serves', target: 'model:ollama/llama3.2:3b' });
  });

  it('ollama pull in Kubernetes container args; a templated model is not guessed', async () => {
    const manifest = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: ollama}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: ollama',
      '        image: ollama/ollama:latest',
      '        command: ["/bin/sh", "-c"]',
      '        args:',
      '        - ollama serve & sleep 10; ollama pull qwen2.5:7b; ollama pull $(MODEL); wait',
    ].join('\n');
    const { assets } = await analyze(k8sAnalyzer, 'k8s/ollama.yaml', manifest);
    expect(sightings(assets.filter((a) => a.kind === 'model'))).toEqual(['model:ollama/qwen2.5:7b@12']);
  });
});

describe('AI images started with docker run', () => {
  it('a script running TGI with --model-id over continued lines', async () => {
    const script = [
      '#!/usr/bin/env bash',
      'model=HuggingFaceH4/zephyr-7b-beta',
      'docker run --gpus all --shm-size 1g -p 8080:80 \\',
      '    -v $PWD/data:/data \\',
      '    ghcr.io/huggingface/text-generation-inference:3.0.1 \\',
      '    --model-id mistralai/Mistral-7B-Instruct-v0.3',
      'docker run -d -p 5432:5432 postgres:16',
      'docker pull ollama/ollama:0.5.7 && docker run -d --name=ollama ollama/ollama:0.5.7 && podman container run --rm vllm/vllm-openai:v0.6.4',
    ].join('\n');
    const { assets } = await analyze(shellScriptAnalyzer, 'scripts/serve.sh', script);
    expect(sightings(assets).sort()).toEqual([
      'pkg:docker/huggingface/text-generation-inference@3.0.1?repository_url=ghcr.io@3',
      'pkg:docker/ollama/ollama@0.5.7@8',
      'pkg:docker/vllm/vllm-openai@v0.6.4@8',
      'pkg:huggingface/mistralai/Mistral-7B-Instruct-v0.3@3',
    ]);
  });

  it('notebook cells running vLLM and pulling an Ollama model with !, and a %%bash cell starting TGI', async () => {
    const nb = JSON.stringify({
      cells: [
        { cell_type: 'markdown', source: ['Start the server:\n', '`docker run vllm/vllm-openai --model x/y`'] },
        { cell_type: 'code', source: ['!docker run --runtime nvidia --gpus all -p 8000:8000 --ipc=host vllm/vllm-openai:v0.6.4 --model Qwen/Qwen2.5-1.5B-Instruct\n', '!ollama pull phi3:mini\n', 'print("ready")'] },
        { cell_type: 'code', source: ['%%bash\n', 'docker run -d --gpus all -p 8080:80 ghcr.io/huggingface/text-generation-inference:3.0.1 \\\n', '  --model-id HuggingFaceH4/zephyr-7b-beta\n'] },
      ],
      metadata: { kernelspec: { language: 'python' } },
      nbformat: 4,
      nbformat_minor: 5,
    }, null, 1);
    const { assets } = await analyze(codeAnalyzer, 'notebooks/serve.ipynb', nb);
    expect(ids(assets)).toEqual([
      'model:ollama/phi3:mini',
      'pkg:docker/huggingface/text-generation-inference@3.0.1?repository_url=ghcr.io',
      'pkg:docker/vllm/vllm-openai@v0.6.4',
      'pkg:huggingface/HuggingFaceH4/zephyr-7b-beta',
      'pkg:huggingface/Qwen/Qwen2.5-1.5B-Instruct',
    ]);
  });
});

describe('placeholder locations (issue 13.2)', () => {
  it('bucket and host placeholders, templates and example domains; real ones pass', () => {
    for (const p of ['s3://my-bucket/models/llama', 'gs://your-bucket', 's3://<bucket>/model', 's3://${MODEL_BUCKET}/m', 'gs://$BUCKET/x', 'https://api.example.com/v1', 's3://bucket-name/key', 'gs://{bucket}/m', 'http://llm.example.org']) {
      expect(isPlaceholderUri(p), p).toBe(true);
    }
    for (const r of ['s3://acme-ml-prod/llama', 'gs://mycorp-models/x', 'https://api.openai.com/v1', 's3://models-2024/bert']) expect(isPlaceholderUri(r), r).toBe(false);
  });

  it('a KServe InferenceService with a placeholder storageUri serves no model asset', async () => {
    const isvc = (uri: string) => `apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata: {name: llm}\nspec:\n  predictor:\n    model:\n      modelFormat: {name: huggingface}\n      storageUri: ${uri}\n`;
    expect(ids((await analyze(k8sAnalyzer, 'a.yaml', isvc('s3://my-bucket/models/llama'))).assets).filter((i) => i.startsWith('model-uri:'))).toEqual([]);
    expect(ids((await analyze(k8sAnalyzer, 'a.yaml', isvc('s3://acme-ml-prod/models/llama'))).assets).filter((i) => i.startsWith('model-uri:'))).toEqual(['model-uri:s3://acme-ml-prod/models/llama']);
  });
});

describe('commands the code runs', () => {
  it('subprocess and os.system in a setup script; Node spawn/execSync', async () => {
    const py = [
      'import os',
      'import subprocess',
      '',
      'def setup(model: str) -> None:',
      '    subprocess.run(["ollama", "pull", "llama3.2:3b"], check=True)',
      '    subprocess.run(["ollama", "pull", model], check=True)',
      '    os.system("docker run -d --gpus all -p 8000:8000 vllm/vllm-openai:v0.6.4 --model Qwen/Qwen2.5-1.5B-Instruct")',
      '    subprocess.run(["docker", "ps"])',
      '',
    ].join('\n');
    const { assets } = await analyze(codeAnalyzer, 'scripts/setup.py', py);
    expect(sightings(assets).sort()).toEqual(['model:ollama/llama3.2:3b@5', 'pkg:docker/vllm/vllm-openai@v0.6.4@7', 'pkg:huggingface/Qwen/Qwen2.5-1.5B-Instruct@7']);
    const js = "import { spawn, execSync } from 'node:child_process';\nspawn('ollama', ['pull', 'nomic-embed-text']);\nexecSync('ollama pull qwen2.5:7b');\nspawn('ls', ['-l']);\n";
    const r = await analyze(codeAnalyzer, 'scripts/setup.mjs', js);
    expect(sightings(r.assets).sort()).toEqual(['model:ollama/nomic-embed-text@2', 'model:ollama/qwen2.5:7b@3']);
  });
});

describe('Ollama chart values and KubeAI models', () => {
  // otwld/ollama-helm values as its README shows them, kept for `helm install -f`.
  const values = ['ollama:', '  gpu:', '    enabled: true', '    type: nvidia', '  models:', '    pull:', '      - llama3.2:3b', '      - nomic-embed-text', '    run:', '      - llama3.2:3b', 'service:', '  type: ClusterIP'].join('\n');

  it('a values file for the Ollama chart names the models it pulls', async () => {
    const { assets } = await analyze(k8sAnalyzer, 'deploy/ollama-values.yaml', values);
    expect(sightings(assets).sort()).toEqual(['model:ollama/llama3.2:3b@7', 'model:ollama/nomic-embed-text@8']);
    // Chart values beside a Chart.yaml: the chart's workload serves them.
    const chart = await analyze(k8sAnalyzer, 'charts/ai/values.yaml', values, { 'charts/ai/Chart.yaml': 'apiVersion: v2\nname: ai\nversion: 0.1.0\n' });
    expect(sightings(chart.assets.filter((a) => a.kind === 'model')).sort()).toEqual(['model:ollama/llama3.2:3b@7', 'model:ollama/nomic-embed-text@8']);
    expect(chart.assets.find((a) => a.id === 'helm:charts/ai')!.relations).toContainEqual({ type: 'serves', target: 'model:ollama/nomic-embed-text' });
    // Other values files stay quiet.
    expect((await analyze(k8sAnalyzer, 'deploy/web-values.yaml', 'replicaCount: 2\nimage:\n  repository: nginx\n')).assets).toEqual([]);
  });

  it('KubeAI Model resources (hf:// and ollama:// urls)', async () => {
    const m = (name: string, url: string) => `apiVersion: kubeai.org/v1\nkind: Model\nmetadata:\n  name: ${name}\nspec:\n  features: [TextGeneration]\n  url: ${url}\n  engine: VLLM\n  resourceProfile: nvidia-gpu-l4:1\n`;
    const { assets } = await analyze(k8sAnalyzer, 'kubeai/models.yaml', `${m('llama-3.1-8b', 'hf://meta-llama/Meta-Llama-3.1-8B-Instruct')}---\n${m('qwen', 'ollama://qwen2.5:0.5b')}`);
    expect(sightings(assets.filter((a) => a.kind === 'model')).sort()).toEqual(['model:ollama/qwen2.5:0.5b@17', 'pkg:huggingface/meta-llama/Meta-Llama-3.1-8B-Instruct@7']);
    expect(assets.find((a) => a.id === 'k8s:default/Model/qwen')!.properties.product).toBe('KubeAI');
  });
});
