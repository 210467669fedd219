/**
 * Each rule fires on a fixture made with the real libraries and stays quiet on its safe twin
 * (fixtures: test/fixtures/models/pickle, written by generate.py there).
 */
import { describe, expect, it } from 'vitest';
import { analyzeFixture, atOrAbove, ruleIds } from './helpers.js';

/** [firing fixture, rule id, expected severity, safe twin]. */
const CASES: [string, string, string, string][] = [
  ['torch_malicious.pt', 'model/pickle-code-execution', 'critical', 'torch_state_dict.pt'],
  ['torch_legacy_malicious.pt', 'model/pickle-code-execution', 'critical', 'torch_legacy_state_dict.pt'],
  ['joblib_after_array.joblib', 'model/pickle-code-execution', 'critical', 'joblib_arrays.joblib'],
  ['joblib_object_array.joblib', 'model/pickle-code-execution', 'critical', 'sklearn_pipeline.joblib'],
  ['torch_legacy_tar_malicious.pt', 'model/pickle-code-execution', 'critical', 'torch_legacy_tar_safe.pt'],
  ['joblib_gzip_malicious.joblib', 'model/pickle-code-execution', 'critical', 'sklearn_pipeline_zlib.joblib'],
  ['joblib_zlib_malicious.joblib', 'model/pickle-code-execution', 'critical', 'sklearn_pipeline_zlib.joblib'],
  ['memo_shuffle.pkl', 'model/pickle-code-execution', 'critical', 'plain_data.pkl'],
  ['two_pickles.pkl', 'model/pickle-code-execution', 'critical', 'plain_data.pkl'],
  ['shell_proto0.pkl', 'model/pickle-code-execution', 'critical', 'plain_data.pkl'],
  ['truncated.pkl', 'model/pickle-code-execution', 'critical', 'plain_data.pkl'],
  ['nested_base64.pkl', 'model/pickle-code-execution', 'critical', 'nested_safe_base64.pkl'],
  ['nested_hex.pkl', 'model/pickle-code-execution', 'critical', 'nested_safe_base64.pkl'],
  ['nested_raw_bytes.pkl', 'model/pickle-code-execution', 'critical', 'nested_safe_base64.pkl'],
  ['object_malicious.npy', 'model/pickle-code-execution', 'critical', 'object_safe.npy'],
  ['arrays_malicious.npz', 'model/pickle-code-execution', 'critical', 'arrays_safe.npz'],
  ['nested_release.zip', 'model/pickle-code-execution', 'critical', 'models_safe.zip'],
  ['network.pkl', 'model/pickle-system-access', 'high', 'plain_data.pkl'],
  ['torch_network.pt', 'model/pickle-system-access', 'high', 'torch_state_dict.pt'],
  ['build_on_module.pkl', 'model/pickle-module-tampering', 'critical', 'torch_full_model.pt'],
  ['unknown_global.pkl', 'model/pickle-unknown-global', 'medium', 'plain_data.pkl'],
  ['torch_custom_class.pt', 'model/pickle-unknown-global', 'medium', 'torch_full_model.pt'],
  ['torchscript_model.pt', 'model/torchscript-archive', 'high', 'torch_full_model.pt'],
  ['models_traversal.zip', 'model/archive-path-traversal', 'high', 'models_safe.zip'],
  ['models_traversal.tar', 'model/archive-path-traversal', 'high', 'models_safe.tar'],
  ['traversal.7z', 'model/archive-path-traversal', 'high', 'payload.7z'],
  ['payload.7z', 'model/pickle-code-execution', 'critical', 'models_safe.zip'],
  ['payload.7z', 'model/archive-hidden-content', 'medium', 'models_safe.zip'],
  ['crc_mismatch.zip', 'model/archive-anomaly', 'low', 'models_safe.zip'],
  ['object_safe.npy', 'model/numpy-object-array', 'low', 'numeric.npy'],
];

describe('model/* rules on generated fixtures', () => {
  it.each(CASES)('%s fires %s (%s); %s does not', async (bad, rule, severity, safe) => {
    const r = await analyzeFixture(bad);
    const hit = r.findings?.find((f) => f.ruleId === rule);
    expect(hit, `${bad}: ${JSON.stringify(r.findings?.map((f) => f.ruleId))}`).toBeDefined();
    expect(hit?.severity).toBe(severity);
    expect(hit?.remediation.length).toBeGreaterThan(20);
    const twin = await analyzeFixture(safe);
    expect(ruleIds(twin)).not.toContain(rule);
  });

  it('a full torch.save(nn.Module) and a fitted sklearn Pipeline are quiet', async () => {
    for (const f of ['torch_full_model.pt', 'sklearn_pipeline.joblib', 'sklearn_pipeline_zlib.joblib', 'torch_state_dict.pt', 'torch_legacy_state_dict.pt', 'torch_legacy_tar_safe.pt', 'sklearn_zoo.joblib', 'torch_zoo_full.pt', 'torch_training_checkpoint.pt']) {
      const r = await analyzeFixture(f);
      expect(r.findings ?? [], f).toEqual([]);
    }
  });

  it('a model class from __main__ is medium, never critical or high', async () => {
    const r = await analyzeFixture('torch_custom_class.pt');
    expect(atOrAbove(r.findings, 'high')).toEqual([]);
    expect(r.findings?.[0].evidence).toBe('__main__.CustomNet');
  });

  it('names the member and the offending global', async () => {
    const r = await analyzeFixture('torch_malicious.pt');
    const f = r.findings?.find((x) => x.ruleId === 'model/pickle-code-execution');
    expect(f?.location).toEqual({ path: 'torch_malicious.pt', member: 'torch_malicious/data.pkl' });
    expect(f?.message).toContain('torch_malicious.pt → torch_malicious/data.pkl');
    expect(f?.evidence).toBe('posix.system');
    expect(f?.references.cwe).toContain('CWE-502');
    expect(f?.references.owaspLlm).toContain('LLM03');
    expect(f?.references.atlas).toContain('AML.T0010');
    expect(f?.remediation).toContain('safetensors');
  });

  it('follows nested containers and names the whole chain', async () => {
    const r = await analyzeFixture('nested_release.zip');
    const f = r.findings?.find((x) => x.ruleId === 'model/pickle-code-execution');
    expect(f?.location.member).toBe('release.tar → release/model.pt → torch_malicious/data.pkl');
  });

  it('TorchScript helper pickles are not mistaken for payloads', async () => {
    const r = await analyzeFixture('torchscript_model.pt');
    expect(ruleIds(r)).toEqual(['model/torchscript-archive']);
  });

  it('fingerprints are stable across runs', async () => {
    const a = await analyzeFixture('torch_malicious.pt');
    const b = await analyzeFixture('torch_malicious.pt');
    expect(a.findings?.map((f) => f.fingerprint)).toEqual(b.findings?.map((f) => f.fingerprint));
  });
});
