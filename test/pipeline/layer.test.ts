import { describe, expect, it } from 'vitest';
import type { Analyzer, FileInfo, ScanFile } from '../../src/core/analyzer.js';
import { bufferFile } from '../../src/core/buffer-file.js';
import { makeFinding } from '../../src/core/finding.js';
import type { RuleMeta } from '../../src/core/model.js';
import type { Target } from '../../src/core/target.js';
import { runPipeline } from '../../src/pipeline/scan.js';

const rule: RuleMeta = {
  id: 'test/marker', title: 'marker', severity: 'high', category: 'secret',
  description: 'test rule', remediation: 'remove it', references: { cwe: ['CWE-798'] },
};

/** Reports every line that contains MARKER. */
const markerAnalyzer: Analyzer = {
  name: 'marker', version: 1, rules: [rule],
  match: () => true,
  async analyze(file) {
    const text = (await file.text()) ?? '';
    const line = text.split('\n').findIndex((l) => l.includes('MARKER'));
    return line < 0 ? {} : { findings: [makeFinding(rule, { location: { path: file.path, startLine: line + 1 }, message: 'marker' })] };
  },
};

function memoryTarget(files: ScanFile[]): Target {
  return {
    name: 'mem', type: 'image', notes: [],
    async index(): Promise<FileInfo[]> { return files; },
    async *open(infos: FileInfo[]) { for (const i of infos) yield files.find((f) => f.path === i.path)!; },
    get: (p) => files.find((f) => f.path === p),
  };
}

describe('pipeline', () => {
  it('attributes findings in image files to the layer they came from', async () => {
    const target = memoryTarget([
      bufferFile('app/settings.py', 'x = 1\nKEY = "MARKER"\n', { layer: 'sha256:abc' }),
      bufferFile('app/clean.py', 'x = 1\n', { layer: 'sha256:def' }),
    ]);
    const res = await runPipeline(target, { analyzers: [markerAnalyzer] });
    expect(res.findings).toHaveLength(1);
    expect(res.findings[0].location).toMatchObject({ path: 'app/settings.py', startLine: 2, layer: 'sha256:abc' });
  });

  it('leaves findings of directory files without a layer', async () => {
    const res = await runPipeline(memoryTarget([bufferFile('a.txt', 'MARKER')]), { analyzers: [markerAnalyzer] });
    expect(res.findings[0].location.layer).toBeUndefined();
  });
});
