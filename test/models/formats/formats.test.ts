import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../src/core/model.js';
import { analyzeFixture } from './helpers.js';

/** fixture → the rule ids (and worst severity) it must raise. Each malicious fixture has a safe twin below. */
const FIRING: [string, string, Severity][] = [
  ['keras/lambda.h5', 'model/keras-lambda-layer', 'critical'],
  ['keras/lambda.keras', 'model/keras-lambda-layer', 'critical'],
  ['keras/unsafe-module.keras', 'model/keras-unsafe-module', 'critical'],
  ['keras/vocab-path.keras', 'model/keras-vocabulary-path', 'high'],
  ['keras/vocab-url.keras', 'model/keras-vocabulary-path', 'high'],
  ['keras/get-file.keras', 'model/keras-remote-resource', 'high'],
  ['keras/torch-wrapper.keras', 'model/keras-torch-module-wrapper', 'high'],
  ['keras/unsafe-deser.keras', 'model/keras-unsafe-deserialization', 'critical'],
  ['keras/custom-object.keras', 'model/keras-custom-object', 'medium'],
  ['keras/keras-dir-lambda/config.json', 'model/keras-lambda-layer', 'critical'],
  ['savedmodel/malicious/keras_metadata.pb', 'model/keras-lambda-layer', 'critical'],
  ['savedmodel/malicious/saved_model.pb', 'model/tf-savedmodel-python-op', 'high'],
  ['savedmodel/keras-objgraph/saved_model.pb', 'model/keras-lambda-layer', 'critical'],
  ['savedmodel/malicious/saved_model.pb', 'model/tf-savedmodel-file-op', 'high'],
  ['onnx/traversal.onnx', 'model/onnx-external-data-path', 'high'],
  ['onnx/absolute.onnx', 'model/onnx-external-data-path', 'high'],
  ['onnx/custom-domain.onnx', 'model/onnx-custom-op-domain', 'medium'],
  ['gguf/ssti.gguf', 'model/chat-template-sandbox-escape', 'critical'],
  ['gguf/ssti-named.gguf', 'model/chat-template-sandbox-escape', 'critical'],
  ['gguf/attr-escaped.gguf', 'model/chat-template-sandbox-escape', 'critical'],
  ['gguf/huge-length.gguf', 'model/gguf-header-anomaly', 'low'],
  ['gguf/huge-count.gguf', 'model/gguf-header-anomaly', 'low'],
  ['gguf/truncated.gguf', 'model/gguf-header-anomaly', 'low'],
  ['tokenizer/malicious/tokenizer_config.json', 'model/chat-template-sandbox-escape', 'critical'],
  ['tokenizer/jinja-malicious/additional_chat_templates/tool_use.jinja', 'model/chat-template-sandbox-escape', 'critical'],
  ['tokenizer/processor/chat_template.json', 'model/chat-template-sandbox-escape', 'critical'],
  ['safetensors/overlap.safetensors', 'model/safetensors-header-anomaly', 'low'],
  ['safetensors/trailing.safetensors', 'model/safetensors-header-anomaly', 'low'],
  ['safetensors/shape-mismatch.safetensors', 'model/safetensors-header-anomaly', 'low'],
  ['safetensors/metadata-not-string.safetensors', 'model/safetensors-header-anomaly', 'low'],
  ['safetensors/huge-header.safetensors', 'model/safetensors-header-anomaly', 'low'],
];

const QUIET = [
  'keras/safe.h5',
  'keras/safe.keras',
  'keras/vocab-inline.keras',
  'keras/data-only.h5',
  'keras/keras-dir-safe/config.json',
  'keras/hf-config/config.json',
  'savedmodel/safe/saved_model.pb',
  'savedmodel/safe/keras_metadata.pb',
  'onnx/safe.onnx',
  'onnx/safe-external.onnx',
  'onnx/ms-domain.onnx',
  'onnx/local-function.onnx',
  'onnx/torch-export.onnx',
  'onnx/torch-export-ext.onnx',
  'gguf/safe.gguf',
  'tokenizer/safe/tokenizer_config.json',
  'tokenizer/jinja-safe/chat_template.jinja',
  'tokenizer/jinja-safe/additional_chat_templates/tool_use.jinja',
  'tokenizer/jinja-malicious/chat_template.jinja',
  'safetensors/safe.safetensors',
];

describe('model format rules fire on malicious fixtures', () => {
  it.each(FIRING)('%s raises %s (%s)', async (fixture, ruleId, severity) => {
    const res = await analyzeFixture(fixture);
    const hits = (res.findings ?? []).filter((f) => f.ruleId === ruleId);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((f) => f.severity)).toContain(severity);
    for (const f of hits) {
      expect(f.location.path).toBe(fixture);
      expect(f.evidence).toBeTruthy();
      expect(f.remediation.length).toBeGreaterThan(20);
      expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});

describe('model format rules stay quiet on safe twins', () => {
  it.each(QUIET)('%s has no findings', async (fixture) => {
    const res = await analyzeFixture(fixture);
    expect(res.findings ?? []).toEqual([]);
    expect((res.notes ?? []).filter((n) => n.level !== 'info')).toEqual([]);
  });
});

describe('findings name the member and the offending field', () => {
  it('.keras findings point at config.json and the JSON path of the layer', async () => {
    const res = await analyzeFixture('keras/lambda.keras');
    const f = res.findings!.find((x) => x.ruleId === 'model/keras-lambda-layer')!;
    expect(f.location.member).toBe('config.json');
    expect(f.evidence).toContain('$.config.layers[2].config.function');
    expect(f.references.cve).toContain('CVE-2024-3660');
  });

  it('h5 findings point at the model_config attribute', async () => {
    const res = await analyzeFixture('keras/lambda.h5');
    expect(res.findings!.map((f) => f.location.member)).toEqual(['model_config']);
  });

  it('the CVE-2025-1550 fixture names the imported module', async () => {
    const res = await analyzeFixture('keras/unsafe-module.keras');
    const f = res.findings!.find((x) => x.ruleId === 'model/keras-unsafe-module')!;
    expect(f.properties?.module).toBe('os');
    expect(f.references.cve).toContain('CVE-2025-1550');
  });

  it('SavedModel findings list the op and its nodes, including nodes inside functions', async () => {
    const res = await analyzeFixture('savedmodel/malicious/saved_model.pb');
    const py = res.findings!.find((x) => x.ruleId === 'model/tf-savedmodel-python-op')!;
    expect(py.evidence).toContain('EagerPyFunc at __inference_serve_12/py');
    expect(py.evidence).toContain('pyfunc_0');
    const file = res.findings!.filter((x) => x.ruleId === 'model/tf-savedmodel-file-op').map((x) => x.properties?.op);
    expect(file.sort()).toEqual(['ReadFile', 'WriteFile']);
  });

  it('the chat-template finding in tokenizer_config.json names the template and its line', async () => {
    const res = await analyzeFixture('tokenizer/malicious/tokenizer_config.json');
    const f = res.findings![0];
    expect(f.message).toContain('chat_template.tool_use');
    expect(f.location.startLine).toBeGreaterThan(1);
  });

  it('get_file with its origin URL is one remote-resource finding, and the module rule names the called function', async () => {
    const res = await analyzeFixture('keras/get-file.keras');
    expect(res.findings!.filter((f) => f.ruleId === 'model/keras-remote-resource')).toHaveLength(1);
    const mod = await analyzeFixture('keras/unsafe-module.keras');
    expect(mod.findings!.find((f) => f.ruleId === 'model/keras-unsafe-module')!.message).toContain('call "system"');
  });

  it('a vocabulary URL is reported once, by the vocabulary rule, not again as a remote resource', async () => {
    const res = await analyzeFixture('keras/vocab-url.keras');
    expect(res.findings!.map((f) => f.ruleId)).toEqual(['model/keras-vocabulary-path']);
    expect(res.findings![0].properties?.remote).toBe(true);
  });
});

describe('model assets for discovery', () => {
  it('GGUF metadata becomes asset properties', async () => {
    const res = await analyzeFixture('gguf/safe.gguf');
    const a = res.assets![0];
    expect(a.kind).toBe('model');
    expect(a.name).toBe('TinyLlama 1.1B Chat');
    expect(a.properties).toMatchObject({ format: 'gguf', architecture: 'llama', license: 'apache-2.0', quantization: 'Q4_K_M' });
    expect(a.properties.chatTemplates).toEqual(['tokenizer.chat_template', 'tokenizer.chat_template.tool_use', 'tokenizer.chat_template.chatml']);
    expect(a.properties.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ONNX producer and opsets become asset properties', async () => {
    const res = await analyzeFixture('onnx/safe.onnx');
    expect(res.assets![0].properties).toMatchObject({ format: 'onnx', producer: 'pytorch', producerVersion: '2.5.1', opsets: ['ai.onnx:17'], irVersion: 8 });
  });

  it('a real torch.onnx.export model with external data lists its data file', async () => {
    const res = await analyzeFixture('onnx/torch-export-ext.onnx');
    expect(res.assets![0].properties).toMatchObject({ producer: 'pytorch', externalData: ['torch-export-ext.data'] });
  });

  it('safetensors metadata and Keras versions become asset properties', async () => {
    const st = await analyzeFixture('safetensors/safe.safetensors');
    expect(st.assets![0].properties).toMatchObject({ format: 'safetensors', tensors: 2, dtypes: ['F32', 'F16'], metadata: { format: 'pt' } });
    const k = await analyzeFixture('keras/safe.keras');
    expect(k.assets![0].properties).toMatchObject({ format: 'keras', kerasVersion: '3.8.0', modelClass: 'Sequential' });
    const h5 = await analyzeFixture('keras/safe.h5');
    expect(h5.assets![0].properties).toMatchObject({ format: 'hdf5', kerasVersion: '2.15.0', backend: 'tensorflow' });
  });

  it('a plain HDF5 data file is not reported as a model', async () => {
    const res = await analyzeFixture('keras/data-only.h5');
    expect(res.assets).toEqual([]);
  });
});
