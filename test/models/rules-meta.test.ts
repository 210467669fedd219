/** Every model/* rule carries complete, consistent metadata (docs and SARIF are generated from it). */
import { describe, expect, it } from 'vitest';
import { MODEL_PICKLE_RULES } from '../../src/models/rules/index.js';
import { modelPickleAnalyzer } from '../../src/analyzers/model-pickle.js';
import { analyzers } from '../../src/analyzers/index.js';
import { isSeverity } from '../../src/core/severity.js';

describe('model/* rule metadata', () => {
  it.each(MODEL_PICKLE_RULES.map((r) => [r.meta.id, r.meta] as const))('%s is complete', (_id, meta) => {
    expect(meta.id).toMatch(/^model\/[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(meta.category).toBe('unsafe-artifact');
    expect(isSeverity(meta.severity)).toBe(true);
    expect(meta.title.length).toBeGreaterThan(10);
    expect(meta.description.length).toBeGreaterThan(80);
    expect(meta.remediation.length).toBeGreaterThan(40);
    expect(meta.references.cwe?.length).toBeGreaterThan(0);
    expect(meta.references.owaspLlm).toContain('LLM03');
    expect(meta.references.atlas).toContain('AML.T0010');
  });

  it('has unique ids and is registered with the scan pipeline', () => {
    const ids = MODEL_PICKLE_RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(analyzers).toContain(modelPickleAnalyzer);
  });

  it('pickle rules name the safe alternatives', () => {
    for (const r of MODEL_PICKLE_RULES.filter((x) => x.meta.id.startsWith('model/pickle-') && x.meta.id !== 'model/pickle-unknown-global')) {
      expect(r.meta.remediation).toContain('safetensors');
      expect(r.meta.remediation).toContain('weights_only=True');
    }
  });
});
