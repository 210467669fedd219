import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFileAnalyzer } from '../../../src/discovery/model-files.js';
import { modelSidecarAnalyzer } from '../../../src/discovery/model-sidecars.js';
import { analyze, sightings } from '../helpers.js';

const FX = join(import.meta.dirname, '..', 'fixtures');
const gguf = readFileSync(join(FX, 'models', 'tiny-q4.gguf'));
const st = readFileSync(join(import.meta.dirname, '..', 'projects', 'rag-langchain', 'models', 'support-lora', 'adapter_model.safetensors'));

describe('model files', () => {
  it('identifies GGUF by magic and reads its metadata (architecture, name, license, quantization, chat template)', async () => {
    const { assets } = await analyze(modelFileAnalyzer, 'models/tiny.gguf', gguf);
    expect(assets).toHaveLength(1);
    expect(assets[0].id).toBe('model-file:models/tiny.gguf');
    expect(assets[0].properties).toMatchObject({ format: 'gguf', architecture: 'llama', name: 'TinyLlama 1.1B Chat', license: 'apache-2.0', quantization: 'Q4_K_M', chatTemplate: true, size: gguf.length });
    expect(assets[0].properties.sha256).toMatch(/^[a-f0-9]{64}$/);
  });

  it('reads the safetensors header (tensor count, dtypes, parameters, metadata)', async () => {
    const { assets } = await analyze(modelFileAnalyzer, 'adapter_model.safetensors', st);
    expect(assets[0].properties).toMatchObject({ format: 'safetensors', tensorCount: 2, dtypes: ['F32'], parameters: 64, safetensorsMetadata: { format: 'pt' } });
  });

  it('identifies by content, not extension: a .bin that is text is not a model', async () => {
    const { assets } = await analyze(modelFileAnalyzer, 'data/blob.bin', 'just some text that happens to end in .bin');
    expect(assets).toEqual([]);
  });

  it('keeps a truncated GGUF as a model file and marks the metadata truncated', async () => {
    const { assets, notes } = await analyze(modelFileAnalyzer, 'cut.gguf', gguf.subarray(0, 60));
    expect(notes).toEqual([]);
    expect(assets[0].properties).toMatchObject({ format: 'gguf', metadataTruncated: true });
  });

  it('gives a note for a safetensors file with a corrupt header', async () => {
    const bad = Buffer.concat([Buffer.from([16, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{"a": [1,2,3 xx '), Buffer.alloc(8)]);
    const { assets, notes } = await analyze(modelFileAnalyzer, 'bad.safetensors', bad);
    expect(assets[0].properties.format).toBe('safetensors');
    expect(notes[0].message).toMatch(/header unreadable/);
  });
});

describe('model sidecars', () => {
  it('reads a Hugging Face config.json', async () => {
    const cfg = JSON.stringify({ _name_or_path: 'Qwen/Qwen2.5-0.5B', architectures: ['Qwen2ForCausalLM'], model_type: 'qwen2', hidden_size: 896, torch_dtype: 'bfloat16', transformers_version: '4.46.3' }, null, 2);
    const { assets } = await analyze(modelSidecarAnalyzer, 'ckpt/final/config.json', cfg);
    expect(sightings(assets)).toEqual(expect.arrayContaining(['model-dir:ckpt/final@3', 'pkg:huggingface/Qwen/Qwen2.5-0.5B@2']));
    expect(assets.find((a) => a.id === 'model-dir:ckpt/final')!.properties).toMatchObject({ architectures: ['Qwen2ForCausalLM'], modelType: 'qwen2' });
  });

  it('ignores config.json files that are not model configs', async () => {
    const { assets } = await analyze(modelSidecarAnalyzer, 'app/config.json', JSON.stringify({ model_type: 'basic', port: 8080 }));
    expect(assets).toEqual([]);
  });

  it('reads model-card front matter and ignores ordinary READMEs', async () => {
    const card = '---\nlicense: llama3.1\nbase_model: meta-llama/Llama-3.1-8B\ndatasets:\n- HuggingFaceH4/ultrachat_200k\npipeline_tag: text-generation\n---\n# x\n';
    const { assets } = await analyze(modelSidecarAnalyzer, 'ft/README.md', card);
    expect(sightings(assets)).toEqual(expect.arrayContaining(['pkg:huggingface/meta-llama/Llama-3.1-8B@3', 'dataset:HuggingFaceH4/ultrachat_200k@4', 'model-dir:ft@1']));
    expect(assets.find((a) => a.id === 'model-dir:ft')!.properties).toMatchObject({ license: 'llama3.1', pipelineTag: 'text-generation' });
    const plain = await analyze(modelSidecarAnalyzer, 'docs/README.md', '---\ntitle: Docs\nlicense: mit\n---\n# Docs\n');
    expect(plain.assets).toEqual([]);
  });

  it('reads an Ollama Modelfile, an MLflow MLmodel and a Triton config.pbtxt', async () => {
    const mf = await analyze(modelSidecarAnalyzer, 'ollama/Modelfile', '# assistant\nFROM llama3.1:8b\nPARAMETER temperature 0.2\nSYSTEM """You are terse."""\n');
    expect(sightings(mf.assets)).toEqual(expect.arrayContaining(['model:ollama/llama3.1:8b@2', 'model-dir:ollama@2']));
    expect(mf.assets.find((a) => a.id === 'model-dir:ollama')!.properties).toMatchObject({ systemPrompt: true, parameters: { temperature: '0.2' } });
    const local = await analyze(modelSidecarAnalyzer, 'ollama/Modelfile', 'FROM ./weights/model.gguf\n');
    expect(local.assets[0].relations).toEqual([{ type: 'depends-on', target: 'model-file:ollama/weights/model.gguf' }]);
    const ml = await analyze(modelSidecarAnalyzer, 'mlruns/1/abc/artifacts/model/MLmodel', 'artifact_path: model\nflavors:\n  python_function:\n    loader_module: mlflow.sklearn\n  sklearn:\n    sklearn_version: 1.5.2\nrun_id: abc\n');
    expect(ml.assets[0].properties).toMatchObject({ format: 'mlflow', framework: 'sklearn', runId: 'abc' });
    const tr = await analyze(modelSidecarAnalyzer, 'model_repository/resnet/config.pbtxt', 'name: "resnet"\nplatform: "onnxruntime_onnx"\nmax_batch_size: 8\ninstance_group [ { kind: KIND_GPU } ]\n');
    expect(tr.assets[0]).toMatchObject({ id: 'model-dir:model_repository/resnet', name: 'resnet', properties: { platform: 'onnxruntime_onnx', maxBatchSize: 8, gpu: true } });
  });

  it('gives notes for malformed sidecars', async () => {
    const r = await analyze(modelSidecarAnalyzer, 'm/config.json', '{"architectures": [');
    expect(r.notes[0].level).toBe('warning');
    const y = await analyze(modelSidecarAnalyzer, 'm/MLmodel', 'flavors: [unclosed\n');
    expect(y.notes[0].level).toBe('warning');
  });
});
