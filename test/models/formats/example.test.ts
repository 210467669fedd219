/** The bundled example (examples/ai-lab/models): malicious models fire, their safe twins stay quiet. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFormatsAnalyzer } from '../../../src/models/formats-analyzer.js';
import { context, diskFile } from './helpers.js';

const EXAMPLE = resolve(import.meta.dirname, '../../../examples/ai-lab/models');
const MY_DIRS = ['chat-llm', 'chat-llm-safe', 'text-classifier', 'text-classifier-safe', 'detector', 'detector-safe', 'embeddings'];

async function scanDir(dir: string) {
  const findings = [];
  for (const name of readdirSync(join(EXAMPLE, dir))) {
    const rel = `${dir}/${name}`;
    if (!statSync(join(EXAMPLE, rel)).isFile()) continue;
    const file = diskFile(join(EXAMPLE, rel), rel);
    if (!modelFormatsAnalyzer.match(file)) continue;
    findings.push(...((await modelFormatsAnalyzer.analyze(file, context(EXAMPLE))).findings ?? []));
  }
  return findings;
}

describe('examples/ai-lab/models', () => {
  it.each(MY_DIRS.filter((d) => d.endsWith('-safe') || d === 'embeddings'))('%s is quiet', async (dir) => {
    expect(await scanDir(dir)).toEqual([]);
  });

  it('the malicious models raise their rules', async () => {
    expect((await scanDir('chat-llm')).map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['model/chat-template-sandbox-escape:critical']);
    expect((await scanDir('detector')).map((f) => f.ruleId)).toEqual(['model/onnx-external-data-path']);
    expect((await scanDir('text-classifier')).map((f) => f.ruleId).sort()).toEqual(['model/keras-lambda-layer', 'model/keras-vocabulary-path']);
  });
});
