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

  it('packaged MCP servers are AI dependencies by their naming convention (issue 13.4)', () => {
    // Claude Desktop / Docker MCP setups depend on these; most are in no catalogue.
    for (const n of ['mcp-server-fetch', 'mcp-server-git', 'awslabs.aws-documentation-mcp-server', 'fastapi-mcp', 'MCP_Server_Time']) expect(classifyPackage('PyPI', n)?.category, n).toBe('agent');
    for (const n of ['@modelcontextprotocol/server-postgres', '@playwright/mcp', 'github-mcp-server', '@upstash/context7-mcp']) expect(classifyPackage('npm', n)?.category, n).toBe('agent');
    // Twins: names that merely contain the letters.
    for (const n of ['mcpi', 'pymcp2221', 'mcp-utils-lite-docs', 'server-mcpherson']) expect(classifyPackage('PyPI', n), n).toBeUndefined();
    for (const n of ['@types/mcp-tests', 'webmcpanel']) expect(classifyPackage('npm', n), n).toBeUndefined();
  });
});
