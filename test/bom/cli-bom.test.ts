/** `aigis bom` end to end (runs dist/cli/main.js: `npm run build` first; `npm test` does). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Asset } from '../../src/core/model.js';
import { inventorySummary } from '../../src/report/inventory-summary.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');
const project = path.join(root, 'test/bom/projects/vllm-ray-k8s');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('aigis bom', () => {
  it('prints the inventory grouped by kind', () => {
    const r = run(['bom', project, '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/AI SERVERS \/ ENDPOINTS \(\d+\)/);
    expect(r.stdout).toContain('Deployment/llama-vllm');
    expect(r.stdout).toContain('k8s/vllm.yaml:2');
    expect(r.stdout).not.toContain('nginx');
  });

  it('writes CycloneDX 1.6 and JSON to a file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-bom-'));
    const out = path.join(dir, 'bom.cdx.json');
    expect(run(['bom', project, '-q', '--format', 'cyclonedx', '-o', out]).code).toBe(0);
    const bom = JSON.parse(readFileSync(out, 'utf8'));
    expect(bom.specVersion).toBe('1.6');
    expect(bom.components.some((c: { type: string }) => c.type === 'machine-learning-model')).toBe(true);
    const js = JSON.parse(run(['bom', project, '-q', '--format', 'json']).stdout);
    expect(js.assets.some((a: Asset) => a.id === 'k8s:inference/Service/llama-vllm')).toBe(true);
  });

  it('lists a CI job only when it calls AI (table, JSON, CycloneDX)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-bom-ci-'));
    mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(path.join(dir, '.github/workflows/ci.yml'), 'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n  evals:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python evals.py\n        env:\n          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n');
    const table = run(['bom', dir, '-q']).stdout;
    expect(table).toContain('AI WORKLOADS (1)');
    expect(table).toContain('evals');
    expect(table).not.toMatch(/^\s+build\b/m);
    const ids = (JSON.parse(run(['bom', dir, '-q', '--format', 'json']).stdout).assets as Asset[]).map((a) => a.id).filter((id) => id.startsWith('ci-job:'));
    expect(ids).toEqual(['ci-job:.github/workflows/ci.yml#evals']);
    const refs = (JSON.parse(run(['bom', dir, '-q', '--format', 'cyclonedx']).stdout).components as { 'bom-ref': string }[]).map((c) => c['bom-ref']).filter((r) => r.startsWith('ci-job:'));
    expect(refs).toEqual(['ci-job:.github/workflows/ci.yml#evals']);
    expect(run(['scan', dir, '-q']).stdout).toMatch(/AI inventory: \d+ assets \([^)]*1 AI workloads/);
  });

  it('rejects unknown formats with exit 2', () => {
    const r = run(['bom', project, '--format', 'sarif']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format');
  });
});

describe('inventorySummary', () => {
  const a = (id: string, kind: Asset['kind'], name: string, properties: Record<string, unknown> = {}): Asset => ({ id, kind, name, locations: [], properties, relations: [] });

  it('counts AI assets by kind and names the notable ones', () => {
    const lines = inventorySummary([
      a('model:openai/gpt-4o', 'model', 'gpt-4o'),
      a('llm-provider:openai', 'llm-provider', 'openai'),
      a('mcp-server:github', 'mcp-server', 'github'),
      a('pkg:pypi/langchain', 'package', 'langchain', { aiCategory: 'agent', ecosystem: 'pypi' }),
      a('pkg:pypi/flask', 'package', 'flask', { ecosystem: 'pypi' }),
    ]);
    expect(lines[0]).toBe('AI inventory: 4 assets (1 models, 1 LLM providers, 1 MCP servers, 1 AI packages)');
    expect(lines).toContain('  models: gpt-4o');
    expect(lines).toContain('  MCP servers: github');
  });

  it('says so when there is nothing AI', () => {
    expect(inventorySummary([a('pkg:pypi/flask', 'package', 'flask', { ecosystem: 'pypi' })])).toEqual(['AI inventory: no AI assets found.']);
  });
});
