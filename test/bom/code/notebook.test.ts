import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeAnalyzer } from '../../../src/discovery/code/analyzer.js';
import { notebookSource } from '../../../src/discovery/code/notebook.js';
import { analyze, sightings } from '../helpers.js';

const nb = readFileSync(join(import.meta.dirname, '..', 'projects', 'rag-langchain', 'notebooks', 'eval.ipynb'));

describe('notebooks', () => {
  it('maps each code row back to its line in the .ipynb and comments out magics', () => {
    const src = notebookSource(nb.toString());
    expect(src.cells).toBe(2);
    const rows = src.source.split('\n');
    const i = rows.findIndex((r) => r.includes('rajpurkar/squad'));
    expect(src.rowLines[i]).toBe(37);
    expect(rows.find((r) => r.includes('%pip'))).toMatch(/^#%pip/);
  });

  it('reports references at notebook lines', async () => {
    const { assets } = await analyze(codeAnalyzer, 'eval.ipynb', nb);
    expect(sightings(assets)).toEqual(expect.arrayContaining(['dataset:rajpurkar/squad@37', 'pkg:huggingface/cross-encoder/ms-marco-MiniLM-L-6-v2@39', 'pkg:pypi/datasets@34']));
  });

  it('handles a cell source stored as one string', async () => {
    const one = JSON.stringify({ cells: [{ cell_type: 'code', source: 'import openai\nc = openai.OpenAI()\nc.embeddings.create(model="text-embedding-3-large", input="x")', outputs: [], metadata: {} }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    const { assets } = await analyze(codeAnalyzer, 'one.ipynb', one);
    expect(assets.map((a) => a.id)).toContain('model:openai/text-embedding-3-large');
  });

  it('gives a note, not a failure, for a truncated notebook', async () => {
    const { assets, notes } = await analyze(codeAnalyzer, 'broken.ipynb', nb.subarray(0, 300));
    expect(assets).toEqual([]);
    expect(notes).toHaveLength(1);
    expect(notes[0].level).toBe('warning');
    expect(notes[0].message).toMatch(/notebook skipped/);
  });

  it('ignores notebooks of other kernels', async () => {
    const r = JSON.stringify({ cells: [{ cell_type: 'code', source: ['library(openai)\n'], outputs: [], metadata: {} }], metadata: { kernelspec: { language: 'R' } }, nbformat: 4, nbformat_minor: 5 });
    const { assets, notes } = await analyze(codeAnalyzer, 'r.ipynb', r);
    expect(assets).toEqual([]);
    expect(notes).toEqual([]);
  });
});
