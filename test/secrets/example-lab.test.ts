/**
 * The bundled example (examples/ai-lab) through the real pipeline and directory target: every key
 * planted by test/secrets/fixtures/example-lab.ts is reported, and the safe files next to them are not.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_BUDGET } from '../../src/core/buffer-file.js';
import { DEFAULT_SKIP_DIRS } from '../../src/core/target.js';
import { secretsAnalyzer } from '../../src/secrets/analyzer.js';
import { runPipeline } from '../../src/pipeline/scan.js';
import { openTarget } from '../../src/targets/open-target.js';
import { score } from './helpers.js';
import { KeyGen } from './fake-keys.js';
import type { Expected } from './fixtures/corpus/render.js';

const lab = fileURLToPath(new URL('../../examples/ai-lab', import.meta.url));

describe('examples/ai-lab secrets', () => {
  it('reports every planted key at its line and nothing in the safe files', async () => {
    const expected = JSON.parse(readFileSync(new URL('./fixtures/example-lab.expected.json', import.meta.url), 'utf8')) as Expected[];
    const target = await openTarget(lab, { skipDirs: DEFAULT_SKIP_DIRS, skipFiles: [], readBudget: DEFAULT_READ_BUDGET });
    const result = await runPipeline(target, { analyzers: [secretsAnalyzer] });
    const secrets = result.findings.filter((f) => f.category === 'secret');
    const { recall, missed } = score(expected, secrets);
    expect(missed).toEqual([]);
    expect(recall).toBe(1);
    expect(secrets.filter((f) => f.location.path === '.env.example')).toEqual([]);
    expect(secrets.some((f) => f.severity === 'critical')).toBe(true);
  });
});

describe('inline suppression through the pipeline', () => {
  it('an aigis-ignore comment naming the rule moves the finding to suppressed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aigis-secrets-'));
    try {
      const g = new KeyGen(42);
      writeFileSync(join(dir, 'app.py'), `# aigis-ignore: secret/groq-api-key revoked 2025-01-02\nGROQ = "${g.key('groq')}"\nHF = "${g.key('hf')}"\n`);
      const target = await openTarget(dir, { skipDirs: DEFAULT_SKIP_DIRS, skipFiles: [], readBudget: DEFAULT_READ_BUDGET });
      const result = await runPipeline(target, { analyzers: [secretsAnalyzer] });
      expect(result.findings.map((f) => f.ruleId)).toEqual(['secret/huggingface-token']);
      expect(result.suppressed.map((s) => s.finding.ruleId)).toEqual(['secret/groq-api-key']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
