/**
 * The lazy registry (src/analyzers/lazy.ts, issue 15.1/15.2) stands for index.ts exactly: same
 * analyzers and enrichers in the same order, each `mayWant` accepts every file its analyzer's `match`
 * accepts, the rules' metadata (data/analyzer-rules.json) is the registry's, and what an unloaded
 * entry stands for (no `finish` output, the enrichers' empty results) is what the real one returns.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileInfo, LazyAnalyzer, ScanFile } from '../../src/core/analyzer.js';
import { bufferFile } from '../../src/core/buffer-file.js';
import { fileInfo } from '../../src/core/file-info.js';
import type { Target } from '../../src/core/target.js';
import { analyzers, enrichers } from '../../src/analyzers/index.js';
import { lazyAnalyzers, lazyEnrichers } from '../../src/analyzers/lazy.js';
import { RULE_CATALOG } from '../../src/analyzers/rule-catalog.js';
import { catalogOf, catalogText } from '../../src/analyzers/rule-catalog-write.js';
import { runPipeline } from '../../src/pipeline/scan.js';

const ROOT = join(import.meta.dirname, '../..');

/** Every file of the repository (sources, fixtures, examples, docs): real paths, names and sizes. */
function repoFiles(): FileInfo[] {
  const out: FileInfo[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === '.git' || e.name === 'dist') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(fileInfo(relative(ROOT, p).split('\\').join('/'), statSync(p).size));
    }
  };
  walk(ROOT);
  return out;
}

/** Names and places the repository may not hold (case, prefixes, folders that select a kind). */
const EDGE_PATHS = [
  'Dockerfile', 'dockerfile.gpu', 'Containerfile', 'api.dockerfile', 'docker-compose.yml', 'compose.override.yaml',
  '.env', '.env.production', '.github/workflows/CI.YML', 'sub/action.yaml', '.cursorrules', '.cursor/rules/python',
  '.windsurfrules', '.windsurf/rules/x', '.clinerules', '.clinerules/a', 'AGENTS.md', 'CLAUDE.local.md', 'GEMINI.md',
  '.github/copilot-instructions.md', '.github/instructions/a.instructions.md', '.mcp.json', '.vscode/mcp.json',
  '.codex/config.toml', 'config.toml', 'openclaw.json', 'claude_desktop_config.json', 'docker-entrypoint.sh',
  'entrypoint', 'entrypoint.py', 'start', 'start-server', 'requirements-dev.txt', 'requirements/base.in', 'constraints.txt',
  'environment.yml', 'conda-gpu.yaml', 'pkg/METADATA', 'x.dist-info/METADATA', 'x.egg-info/PKG-INFO', 'node_modules/a/package.json',
  'Pipfile', 'Pipfile.lock', 'poetry.lock', 'uv.lock', 'Cargo.toml', 'Gemfile', 'pom.xml', 'build.gradle.kts', 'app.csproj',
  'go.mod', 'go.sum', '.aigis/image-config.json', 'model.safetensors', 'weights.PT', 'm.tar', 'm.tgz', 'chat_template.jinja',
  'additional_chat_templates/tool.jinja', 'saved_model.pb', 'keras_metadata.pb', 'Modelfile', 'config.pbtxt', 'main.tf',
  'prod.tfvars', 'stack.template', 'notebook.ipynb', 'server.mts', 'app.jsx', 'main.go', 'serve.yaml', 'README.md',
];

function cases(): FileInfo[] {
  const out: FileInfo[] = [];
  for (const f of repoFiles()) out.push(f, { ...f, size: 1 });
  for (const p of EDGE_PATHS) for (const size of [1, 1000, 100_000]) out.push(fileInfo(p, size));
  return out;
}

describe('lazy analyzer registry', () => {
  it('lists the registry of index.ts, in order, and loads the same analyzers', async () => {
    expect(lazyAnalyzers.map((a) => [a.name, a.scanner])).toEqual(analyzers.map((a) => [a.name, a.scanner]));
    for (const [i, entry] of lazyAnalyzers.entries()) {
      const loaded = await entry.load();
      expect(loaded).toBe(analyzers[i]);
      expect(await entry.load()).toBe(loaded); // memoised
      expect(entry.rules).toEqual(loaded.rules);
    }
    expect(lazyEnrichers.map((e) => [e.name, e.scanner])).toEqual(enrichers.map((e) => [e.name, e.scanner]));
    for (const [i, entry] of lazyEnrichers.entries()) {
      expect(await entry.load()).toBe(enrichers[i]);
      expect(entry.rules).toEqual(enrichers[i].rules);
    }
  });

  it('data/analyzer-rules.json is up to date (else `npm run build && node dist/analyzers/rule-catalog-write.js`)', () => {
    expect(readFileSync(RULE_CATALOG, 'utf8')).toBe(catalogText(catalogOf(analyzers, enrichers)));
  });

  it("mayWant accepts every file the analyzer's match accepts", () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(1000);
    for (const [i, entry] of lazyAnalyzers.entries()) {
      const matched = all.filter((f) => analyzers[i].match(f));
      // Each analyzer wants some of these files: the check below is not vacuous.
      expect(matched.length, entry.name).toBeGreaterThan(0);
      expect(matched.filter((f) => !entry.mayWant(f)).map((f) => f.path), entry.name).toEqual([]);
    }
  });

  it('mayWant is narrower than "every file" for all but the secrets scanner', () => {
    const pickle = fileInfo('models/x.pkl', 100);
    expect(lazyAnalyzers.filter((a) => a.mayWant(pickle)).map((a) => a.name)).toEqual(['secrets', 'model-pickle', 'bom-model-files']);
  });

  it('an unloaded entry stands for what the real one does without input', async () => {
    for (const a of analyzers) {
      if (!a.finish) continue;
      const res = await a.finish([]);
      expect([...(res.findings ?? []), ...(res.assets ?? []), ...(res.notes ?? [])], a.name).toEqual([]);
      expect(res.paths, a.name).toBeUndefined();
    }
    for (const [i, entry] of lazyEnrichers.entries()) expect(await enrichers[i].enrich({ assets: [], findings: [] }), entry.name).toEqual(entry.whenEmpty);
  });
});

function memoryTarget(files: ScanFile[]): Target {
  return {
    name: 'mem', type: 'directory', notes: [],
    async index(): Promise<FileInfo[]> { return files; },
    async *open(infos: FileInfo[]) { for (const i of infos) yield files.find((f) => f.path === i.path)!; },
    get: (p) => files.find((f) => f.path === p),
  };
}

/** A catalogue entry over a recording analyzer. */
function entry(name: string, ext: string, loads: string[]): LazyAnalyzer {
  return {
    name,
    rules: [{ id: `test/${name}`, title: name, severity: 'low', category: 'misconfiguration', description: name, remediation: name, references: {} }],
    mayWant: (f) => f.ext === ext,
    async load() {
      loads.push(name);
      return { name, version: 1, rules: [], match: (f) => f.ext === ext, analyze: (f) => ({ notes: [{ level: 'info', path: f.path, message: name }] }) };
    },
  };
}

describe('the pipeline and catalogue entries', () => {
  it('loads only the entries some file may want, and lists every entry\'s rules', async () => {
    const loads: string[] = [];
    const list = [entry('pkl', '.pkl', loads), entry('yaml', '.yaml', loads), entry('tf', '.tf', loads)];
    const res = await runPipeline(memoryTarget([bufferFile('a.pkl', Buffer.from('x')), bufferFile('b.tf', Buffer.from('x'))]), { analyzers: list });
    expect(loads).toEqual(['pkl', 'tf']);
    expect(res.notes.map((n) => n.message)).toEqual(['pkl', 'tf']);
    expect(res.rules.map((r) => r.id)).toEqual(['test/pkl', 'test/tf', 'test/yaml']);
  });

  it('loads nothing for an empty target and gives the enrichers\' empty results', async () => {
    const loads: string[] = [];
    const res = await runPipeline(memoryTarget([]), { analyzers: [entry('pkl', '.pkl', loads)], enrichers: lazyEnrichers });
    expect(loads).toEqual([]);
    expect(res.paths).toEqual({ version: 1, items: [] });
    expect(res.rules.length).toBeGreaterThan(1);
  });
});
