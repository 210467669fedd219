import { describe, expect, it } from 'vitest';
import type { FileInfo, ScanFile } from '../../src/core/analyzer.js';
import { bufferFile } from '../../src/core/buffer-file.js';
import type { Target } from '../../src/core/target.js';
import { modelFileAnalyzer } from '../../src/discovery/model-files.js';
import { runPipeline } from '../../src/pipeline/scan.js';

function memoryTarget(files: ScanFile[]): Target {
  return {
    name: 'mem', type: 'directory', notes: [],
    async index(): Promise<FileInfo[]> { return files; },
    async *open(infos: FileInfo[]) { for (const i of infos) yield files.find((f) => f.path === i.path)!; },
    get: (p) => files.find((f) => f.path === p),
  };
}

// A protocol-2 pickle: PROTO 2, EMPTY_DICT, STOP, padded so its size is known.
const pickle = (size: number) => Buffer.concat([Buffer.from([0x80, 0x02, 0x7d, 0x2e]), Buffer.alloc(size - 4)]);

describe('digest limit', () => {
  it('digests model files up to the limit and leaves bigger ones without a sha256', async () => {
    const target = memoryTarget([bufferFile('small.pkl', pickle(100)), bufferFile('large.pkl', pickle(5000))]);
    const res = await runPipeline(target, { analyzers: [modelFileAnalyzer], digestLimit: 1000 });
    const sha = (id: string) => res.assets.find((a) => a.id === id)?.properties.sha256;
    expect(sha('model-file:small.pkl')).toMatch(/^[0-9a-f]{64}$/);
    expect(res.assets.find((a) => a.id === 'model-file:large.pkl')).toBeDefined();
    expect(sha('model-file:large.pkl')).toBeUndefined();
  });

  it('digests every model file when the limit is Infinity (aigis bom)', async () => {
    const res = await runPipeline(memoryTarget([bufferFile('large.pkl', pickle(5000))]), { analyzers: [modelFileAnalyzer], digestLimit: Infinity });
    expect(res.assets[0].properties.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
