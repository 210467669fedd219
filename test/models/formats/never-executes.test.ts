/**
 * Never executes: the fixtures carry payloads that would create a marker file if a model loader ran
 * them (marshalled Lambda bytecode, a Jinja template calling popen). Scanning them must not.
 */
import { existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeFixture } from './helpers.js';

describe('never executes', () => {
  it('scanning every payload fixture leaves no marker file behind', async () => {
    const marker = '/tmp/aigis-never-executed-marker';
    rmSync(marker, { force: true });
    for (const f of ['keras/lambda.h5', 'keras/lambda.keras', 'keras/unsafe-deser.keras', 'savedmodel/malicious/keras_metadata.pb', 'gguf/ssti.gguf']) {
      const res = await analyzeFixture(f);
      expect(res.findings!.some((x) => x.severity === 'critical')).toBe(true);
    }
    expect(existsSync(marker)).toBe(false);
  });
});
