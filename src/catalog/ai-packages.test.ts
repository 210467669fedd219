import { describe, expect, it } from 'vitest';
import { aiPackageCount, aiPackages, classifyPackage } from './ai-packages.js';

describe('AI package catalogue', () => {
  it('has at least 100 names across PyPI and npm and every category', () => {
    expect(aiPackageCount()).toBeGreaterThanOrEqual(100);
    const cats = new Set(aiPackages().map((p) => p.category));
    expect([...cats].sort()).toEqual(['agent', 'data', 'framework', 'llm-sdk', 'mlops', 'serving', 'vector-store']);
    expect(aiPackages().some((p) => p.ecosystem === 'npm')).toBe(true);
  });

  it('classifies by normalised name per ecosystem', () => {
    expect(classifyPackage('PyPI', 'Llama_CPP.Python')?.category).toBe('framework');
    expect(classifyPackage('PyPI', 'langchain-core')?.category).toBe('agent');
    expect(classifyPackage('npm', '@modelcontextprotocol/sdk')?.category).toBe('agent');
    expect(classifyPackage('conda', 'pytorch')?.category).toBe('framework');
  });

  it('leaves general-purpose packages alone', () => {
    for (const n of ['requests', 'numpy', 'pandas', 'flask', 'jupyterlab']) expect(classifyPackage('PyPI', n)).toBeUndefined();
    for (const n of ['react', 'express', 'zod', 'lodash']) expect(classifyPackage('npm', n)).toBeUndefined();
    // npm names are case-sensitive and not PEP 503-normalised.
    expect(classifyPackage('npm', 'OpenAI')).toBeUndefined();
  });
});
