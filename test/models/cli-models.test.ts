/** End to end through the built CLI: the example models gate a pipeline (`npm test` builds dist/ first). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers.js';

const cli = path.join(REPO_ROOT, 'dist/cli/main.js');

describe('aigis scan on examples/ai-lab/models', () => {
  it('fails the build on the malicious checkpoint and stays quiet on the sklearn pipeline', () => {
    const r = spawnSync(process.execPath, [cli, 'scan', 'examples/ai-lab/models', '--format', 'json', '--fail-on', 'high'], { encoding: 'utf8', cwd: REPO_ROOT });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string; location: { path: string; member?: string } }[] };
    const model = report.findings.filter((f) => f.ruleId.startsWith('model/'));
    // The example also holds the GGUF/Keras/ONNX models of the model-formats analyzer (their safe twins stay quiet).
    expect(model.map((f) => [f.ruleId, f.severity, f.location.path, f.location.member]).sort()).toEqual([
      ['model/chat-template-sandbox-escape', 'critical', 'chat-llm/tinychat-q4_k_m.gguf', undefined],
      ['model/keras-lambda-layer', 'critical', 'text-classifier/text-classifier.keras', 'config.json'],
      ['model/keras-vocabulary-path', 'high', 'text-classifier/text-classifier.keras', 'config.json'],
      ['model/onnx-external-data-path', 'high', 'detector/detector.onnx', undefined],
      ['model/pickle-code-execution', 'critical', 'community-finetune.pt', 'community-finetune/data.pkl'],
    ]);
  });
});
