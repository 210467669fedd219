/** Hostile source files (issue 9, item 6): bounded work before and after tree-sitter. */
import { describe, expect, it } from 'vitest';
import { bufferFile } from '../../../src/core/buffer-file.js';
import { codeAnalyzer } from '../../../src/discovery/code/analyzer.js';
import { extractFacts } from '../../../src/discovery/code/facts.js';
import { nestsDeeperThan } from '../../../src/discovery/code/nesting.js';
import { parseCode } from '../../../src/discovery/code/tree-sitter.js';

const ctx = { signal: new AbortController().signal, deadline: Date.now() + 60_000, exists: () => false, open: () => undefined };

describe('bom-code on hostile source', () => {
  it('skips f(f(f(…))) nested 300,000 deep with a note instead of parsing it', async () => {
    const n = 300_000;
    const src = `import openai\nx = ${'f('.repeat(n)}1${')'.repeat(n)}\n`;
    const r = await codeAnalyzer.analyze(bufferFile('deep.py', Buffer.from(src)), ctx);
    expect(r.notes?.[0]?.message).toMatch(/brackets nest more than 1000 deep/);
    expect(r.assets ?? []).toEqual([]);
  });

  it('parses ordinary nesting (the safe twin) and counts brackets linearly', async () => {
    expect(nestsDeeperThan(`${'('.repeat(1000)}${')'.repeat(1000)}`)).toBe(false);
    expect(nestsDeeperThan(`${'[('.repeat(501)}`)).toBe(true);
    expect(nestsDeeperThan(')))' + '('.repeat(999))).toBe(false); // closing brackets never go below zero
    const src = 'import openai\nclient = openai.OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[])\n';
    const r = await codeAnalyzer.analyze(bufferFile('ok.py', Buffer.from(src)), ctx);
    expect(r.notes ?? []).toEqual([]);
    expect((r.assets ?? []).length).toBeGreaterThan(0);
  });

  it('stops the fact walk at its node budget with facts from before it', async () => {
    const src = `import openai\n${'openai.OpenAI()\n'.repeat(50)}`;
    const tree = await parseCode('python', src);
    try {
      const full = extractFacts('python', tree!);
      expect(full.truncated).toBeUndefined();
      expect(full.calls.length).toBe(50);
      const cut = extractFacts('python', tree!, undefined, 20);
      expect(cut.truncated).toBe(true);
      expect(cut.calls.length).toBeGreaterThan(0);
      expect(cut.calls.length).toBeLessThan(20);
    } finally {
      tree!.delete();
    }
  });
});
