/**
 * The AI package catalogue (`data/ai-packages.json`): which PyPI / npm packages are AI frameworks,
 * LLM SDKs, agent/orchestration, serving, vector stores, MLOps or AI data tooling. Shared by discovery
 * (`aigis bom`) and vulnerability matching. Conda packages are looked up by their PyPI name.
 */
import { readFileSync } from 'node:fs';
import { pep503 } from '../packages/normalize.js';

export type AiCategory = 'framework' | 'llm-sdk' | 'agent' | 'serving' | 'vector-store' | 'mlops' | 'data';

export interface AiPackageInfo {
  category: AiCategory;
  /** Human description of the category. */
  categoryTitle: string;
}

interface CatalogueFile {
  categories: Record<AiCategory, string>;
  packages: { ecosystem: 'PyPI' | 'npm' | 'Go'; name: string; category: AiCategory }[];
}

/** Conda package names that differ from the PyPI name of the same project. */
const CONDA_TO_PYPI: Record<string, string> = { pytorch: 'torch', 'pytorch-gpu': 'torch', 'pytorch-cpu': 'torch', 'py-xgboost': 'xgboost', tensorflow: 'tensorflow' };

let table: Map<string, AiPackageInfo> | undefined;

function load(): Map<string, AiPackageInfo> {
  if (table) return table;
  // src/catalog and dist/catalog both sit two levels below the package root.
  const file = JSON.parse(readFileSync(new URL('../../data/ai-packages.json', import.meta.url), 'utf8')) as CatalogueFile;
  table = new Map();
  for (const p of file.packages) {
    const name = p.ecosystem === 'PyPI' ? pep503(p.name) : p.name;
    table.set(`${p.ecosystem}\u0000${name}`, { category: p.category, categoryTitle: file.categories[p.category] });
  }
  return table;
}

/**
 * Naming conventions of packaged MCP servers (`@modelcontextprotocol/server-filesystem`,
 * `mcp-server-git`, `awslabs.aws-documentation-mcp-server`, `github-mcp-server`, `fastapi-mcp`, `@playwright/mcp`).
 */
export const MCP_SERVER_PACKAGE = /^(?:@modelcontextprotocol\/server-[\w.-]+|@[\w.-]+\/mcp(?:-server)?|(?:@[\w.-]+\/)?mcp-server-[\w.-]+|(?:@[\w.-]+\/)?[\w.-]+[-.]mcp[-.]server|(?:@[\w.-]+\/)?[\w.-]+-mcp)$/i;

let mcpInfo: AiPackageInfo | undefined;

/** A dependency named like a packaged MCP server is one (issue 13.4), catalogued or not. */
function mcpServerPackage(name: string): AiPackageInfo | undefined {
  if (!MCP_SERVER_PACKAGE.test(name)) return undefined;
  return (mcpInfo ??= { category: 'agent', categoryTitle: (JSON.parse(readFileSync(new URL('../../data/ai-packages.json', import.meta.url), 'utf8')) as CatalogueFile).categories.agent });
}

/** The AI category of a package, or undefined when it is not in the catalogue. */
export function classifyPackage(ecosystem: string, name: string): AiPackageInfo | undefined {
  const t = load();
  if (ecosystem === 'PyPI') return t.get(`PyPI\u0000${pep503(name)}`) ?? mcpServerPackage(pep503(name));
  if (ecosystem === 'npm') return t.get(`npm\u0000${name.trim()}`) ?? mcpServerPackage(name.trim());
  if (ecosystem === 'Go') return goModule(t, name.trim());
  if (ecosystem === 'conda') {
    const n = pep503(name);
    return t.get(`PyPI\u0000${CONDA_TO_PYPI[n] ?? n}`);
  }
  return undefined;
}

/**
 * Go: a catalogued module path, or a major-version suffix of one (`github.com/openai/openai-go/v2`),
 * or a package inside one (`github.com/ollama/ollama/api` is the `github.com/ollama/ollama` module).
 */
function goModule(t: Map<string, AiPackageInfo>, path: string): AiPackageInfo | undefined {
  return goModuleEntry(t, path)?.info;
}

function goModuleEntry(t: Map<string, AiPackageInfo>, path: string): { module: string; info: AiPackageInfo } | undefined {
  // Major-version suffixes (`/v2`) are part of the module path but not of the catalogue key.
  const parts = path.split('/');
  const major = (i: number) => i >= 2 && /^v\d+$/.test(parts[i] ?? '');
  for (let n = parts.length; n >= 2; n--) {
    if (major(n - 1)) continue;
    const hit = t.get(`Go\u0000${parts.slice(0, n).join('/')}`);
    if (hit) return { module: parts.slice(0, major(n) ? n + 1 : n).join('/'), info: hit };
  }
  return undefined;
}

/** The catalogued AI module a Go import path belongs to (`github.com/ollama/ollama/api` → `github.com/ollama/ollama`). */
export function classifyGoImport(path: string): { module: string; info: AiPackageInfo } | undefined {
  return goModuleEntry(load(), path.trim());
}

/** Number of catalogue entries. */
export function aiPackageCount(): number {
  return load().size;
}

/** Every catalogue entry (`{ecosystem, name, category}`), e.g. for docs and BOM tables. */
export function aiPackages(): { ecosystem: 'PyPI' | 'npm' | 'Go'; name: string; category: AiCategory }[] {
  return [...load().entries()].map(([key, info]) => {
    const [ecosystem, name] = key.split('\u0000') as ['PyPI' | 'npm' | 'Go', string];
    return { ecosystem, name, category: info.category };
  });
}
