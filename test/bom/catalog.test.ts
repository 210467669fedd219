import { describe, expect, it } from 'vitest';
import { classifyEndpoint } from '../../src/catalog/ai-endpoints.js';
import { classifyImage, imagePurl, parseImageRef } from '../../src/catalog/ai-images.js';
import { classifyNpmImport, classifyPythonImport, importCatalogue } from '../../src/catalog/ai-imports.js';
import { hfDatasetId, hfRepoId, providerModelId } from '../../src/discovery/ids.js';

describe('AI image catalogue', () => {
  it.each([
    ['vllm/vllm-openai:v0.6.4', 'vLLM'],
    ['docker.io/rayproject/ray:2.38.0-gpu', 'Ray'],
    ['ghcr.io/huggingface/text-generation-inference:2.4', 'Hugging Face TGI'],
    ['nvcr.io/nvidia/tritonserver:24.10-py3', 'NVIDIA Triton Inference Server'],
    ['nvcr.io/nim/meta/llama-3.1-8b-instruct:1.3', 'NVIDIA NIM'],
    ['ollama/ollama', 'Ollama'],
    ['quay.io/jupyter/pytorch-notebook:latest', 'Jupyter'],
    ['nvidia/cuda:12.4.1-runtime-ubuntu22.04', 'CUDA'],
    // Issue 13.4: images real serving repositories run that the first catalogue missed.
    ['rayproject/ray-llm:2.44.1-py311-cu124', 'Ray LLM'],
    ['ghcr.io/llm-d/llm-d-cuda:v0.3.0', 'llm-d'],
    ['lmcache/vllm-openai:v0.3.7', 'LMCache'],
    ['lmsysorg/sglang:v0.5.2-cu126', 'SGLang'],
    ['nvcr.io/nvidia/k8s/container-toolkit:v1.17.8-ubuntu20.04', 'NVIDIA Container Toolkit'],
    ['langflowai/langflow:1.5.0', 'Langflow'],
  ])('%s is %s', (ref, name) => {
    expect(classifyImage(ref)?.name).toBe(name);
  });

  it.each(['nginx:1.27', 'postgres:16', 'ghcr.io/acme/vllm-fork:1', 'redis', 'python:3.12-slim'])('%s is not AI', (ref) => {
    expect(classifyImage(ref)).toBeUndefined();
  });

  it('parses references like Docker and builds purls', () => {
    expect(parseImageRef('nginx')).toEqual({ registry: 'docker.io', repository: 'library/nginx', tag: undefined, digest: undefined });
    expect(parseImageRef('localhost:5000/team/app:1@sha256:abc')).toMatchObject({ registry: 'localhost:5000', repository: 'team/app', tag: '1', digest: 'sha256:abc' });
    expect(imagePurl(parseImageRef('ghcr.io/huggingface/text-generation-inference:2.4')!)).toBe('pkg:docker/huggingface/text-generation-inference@2.4?repository_url=ghcr.io');
    expect(parseImageRef('${IMAGE}')).toBeUndefined();
  });
});

describe('import and endpoint catalogues', () => {
  it('maps import names that differ from package names', () => {
    expect(classifyPythonImport('sklearn.ensemble')?.package).toBe('scikit-learn');
    expect(classifyPythonImport('cv2')?.package).toBe('opencv-python');
    expect(classifyPythonImport('google.generativeai')?.package).toBe('google-generativeai');
    expect(classifyPythonImport('google.cloud.storage')).toBeUndefined();
    expect(classifyNpmImport('@langchain/community/vectorstores/chroma')?.package).toBe('@langchain/community');
    expect(classifyNpmImport('./openai')).toBeUndefined();
    expect(Object.keys(importCatalogue().python).length + Object.keys(importCatalogue().npm).length).toBeGreaterThan(100);
  });

  it.each([
    ['https://api.openai.com/v1', 'openai'],
    ['https://acme-eu.openai.azure.com/', 'azure-openai'],
    ['https://bedrock-runtime.eu-west-1.amazonaws.com', 'bedrock'],
    ['http://localhost:11434', 'ollama'],
    ['us-central1-aiplatform.googleapis.com', 'vertexai'],
  ])('%s is %s', (url, provider) => {
    expect(classifyEndpoint(url)?.provider).toBe(provider);
  });

  it.each(['https://api.example.com/openai', 'http://localhost:8080', 'openai', 'see api.openai.com.evil.io'])('%s is not a provider endpoint', (url) => {
    expect(classifyEndpoint(url)).toBeUndefined();
  });
});

describe('id shapes', () => {
  it.each([['meta-llama/Llama-3.1-8B-Instruct', 'meta-llama/Llama-3.1-8B-Instruct'], ['hf://org/m', 'org/m'], ['https://huggingface.co/org/m', 'org/m']])('HF id %s', (v, id) => {
    expect(hfRepoId(v)).toBe(id);
  });
  it.each(['./models/x', 'models/bert', 'your-org/your-model', '<org>/<model>', 'a/b/c', 'org/model.safetensors', '${MODEL}', 'gpt2'])('not an HF id: %s', (v) => {
    expect(hfRepoId(v)).toBeUndefined();
  });
  it('allows legacy bare ids only where asked', () => {
    expect(hfRepoId('bert-base-uncased', { allowBare: true })).toBe('bert-base-uncased');
    expect(hfRepoId('gpt2', { allowBare: true })).toBe('gpt2');
    expect(hfRepoId('final-model', { allowBare: true })).toBeUndefined();
    expect(hfRepoId('run-42', { allowBare: true })).toBeUndefined();
    expect(hfDatasetId('json')).toBeUndefined();
    expect(hfDatasetId('squad')).toBe('squad');
  });
  it('validates hosted model ids', () => {
    expect(providerModelId('anthropic.claude-3-5-sonnet-20240620-v1:0')).toBe('anthropic.claude-3-5-sonnet-20240620-v1:0');
    expect(providerModelId('model')).toBeUndefined();
    expect(providerModelId('my model')).toBeUndefined();
    expect(providerModelId('https://x/y')).toBeUndefined();
  });
});

describe('placeholders are not assets (issue 13.2)', () => {
  it('documentation endpoints name no service; real ones still do', async () => {
    const { classifyEndpoint } = await import('../../src/catalog/ai-endpoints.js');
    for (const v of ['https://your-endpoint.openai.azure.com/', 'https://YOUR_RESOURCE_NAME.openai.azure.com', 'https://example.cognitiveservices.azure.com/', 'https://{resource}.openai.azure.com']) {
      expect(classifyEndpoint(v), v).toBeUndefined();
    }
    expect(classifyEndpoint('https://contoso-eastus.openai.azure.com/')?.host).toBe('contoso-eastus.openai.azure.com');
    expect(classifyEndpoint('https://api.openai.com/v1')?.host).toBe('api.openai.com');
  });
});
