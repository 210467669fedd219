/** Analyzers declare what they want; the pipeline offers them only those files (issue 15.2). */
import { describe, expect, it } from 'vitest';
import type { Analyzer, FileInfo, ScanFile } from '../../src/core/analyzer.js';
import { bufferFile } from '../../src/core/buffer-file.js';
import type { Target } from '../../src/core/target.js';
import { codeAnalyzer, createCodeAnalyzer } from '../../src/discovery/code/analyzer.js';
import { fileInfo } from '../../src/core/file-info.js';
import { runPipeline } from '../../src/pipeline/scan.js';

function memoryTarget(files: ScanFile[]): Target {
  return {
    name: 'mem', type: 'directory', notes: [],
    async index(): Promise<FileInfo[]> { return files; },
    async *open(infos: FileInfo[]) { for (const i of infos) yield files.find((f) => f.path === i.path)!; },
    get: (p) => files.find((f) => f.path === p),
  };
}

function recorder(name: string, wants?: Analyzer['wants']): Analyzer & { offered: string[]; analyzed: string[] } {
  const offered: string[] = [];
  const analyzed: string[] = [];
  return {
    name, version: 1, rules: [], wants, offered, analyzed,
    match(f) { offered.push(f.path); return true; },
    analyze(f) { analyzed.push(f.path); return { notes: [{ level: 'info', path: f.path, message: name }] }; },
  };
}

describe('dispatch by declared needs', () => {
  it('offers a file only to analyzers that want its extension or name, plus those that declare nothing', async () => {
    const files = ['a.py', 'b.txt', 'requirements.txt', 'c.PY'].map((p) => bufferFile(p, Buffer.from('x')));
    const py = recorder('py', { extensions: ['.py'] });
    const req = recorder('req', { names: ['requirements.txt'] });
    const all = recorder('all');
    const res = await runPipeline(memoryTarget(files), { analyzers: [py, req, all] });
    expect(py.offered.sort()).toEqual(['a.py', 'c.PY']);
    expect(req.offered).toEqual(['requirements.txt']);
    expect(all.offered.sort()).toEqual(['a.py', 'b.txt', 'c.PY', 'requirements.txt']);
    // per file, analyzers run in registry order
    expect(res.notes.filter((n) => n.path === 'a.py').map((n) => n.message)).toEqual(['py', 'all']);
  });
});

describe('code discovery and installed package trees', () => {
  const installed = ['site-packages/openai/_client.py', 'usr/lib/python3/dist-packages/torch/x.py', 'app/node_modules/openai/index.js'];
  it('does not tree-sitter-parse installed packages by default (their metadata gives the inventory)', () => {
    for (const p of installed) expect(codeAnalyzer.match(fileInfo(p, 10))).toBe(false);
    expect(codeAnalyzer.match(fileInfo('app/main.py', 10))).toBe(true);
    expect(codeAnalyzer.match(fileInfo('app/node_modules_notes/x.js', 10))).toBe(true);
  });

  it('parses them when asked to', () => {
    const all = createCodeAnalyzer({ parseInstalledPackages: true });
    for (const p of installed) expect(all.match(fileInfo(p, 10))).toBe(true);
  });
});
