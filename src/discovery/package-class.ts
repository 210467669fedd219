/**
 * AI category of a package name. Until the package catalogue (`src/catalog/ai-packages.ts`,
 * `classifyPackage`) is on this branch, the distribution names of data/ai-imports.json are used;
 * when it lands, the lead can route this through `classifyPackage` (one call site).
 */
import { classifyPackage } from '../catalog/ai-packages.js';
import { importCatalogue } from '../catalog/ai-imports.js';
import { pep503 } from './ids.js';

let byName: Map<string, string> | undefined;

function table(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  const cat = importCatalogue();
  for (const e of Object.values(cat.python)) byName.set(`pypi:${pep503(e.package)}`, e.category);
  for (const e of Object.values(cat.npm)) byName.set(`npm:${e.package}`, e.category);
  // Distribution names that have no import entry of their own.
  for (const [n, c] of Object.entries(EXTRA_PYPI)) byName.set(`pypi:${n}`, c);
  return byName;
}

const EXTRA_PYPI: Record<string, string> = {
  'tensorflow-cpu': 'framework', 'tensorflow-gpu': 'framework', 'onnxruntime-gpu': 'inference-runtime', 'faiss-gpu': 'vector-store',
  'opencv-python-headless': 'framework', 'llama-index-core': 'agent', 'vllm-flash-attn': 'serving', 'flash-attn': 'framework',
  'xformers': 'framework', 'optimum': 'framework', 'auto-gptq': 'framework', 'autoawq': 'framework', 'text-generation': 'llm-sdk',
  'openai-agents': 'agent', 'mcp-server-fetch': 'mcp', 'huggingface-cli': 'llm-sdk', 'chromadb-client': 'vector-store', 'pinecone-client': 'vector-store',
};

export function aiCategoryOf(ecosystem: 'pypi' | 'npm', name: string): string | undefined {
  const known = classifyPackage(ecosystem === 'pypi' ? 'PyPI' : 'npm', name);
  if (known) return known.category;
  const t = table();
  if (ecosystem === 'pypi') return t.get(`pypi:${pep503(name)}`);
  if (t.has(`npm:${name}`)) return t.get(`npm:${name}`);
  if (name.startsWith('@')) return t.get(`npm:${name.split('/')[0]}/*`);
  return undefined;
}

/** One `pip install` argument (PEP 508 subset): name, extras, version specifier. */
export function parsePipArg(arg: string): { name: string; specifier?: string; version?: string; pinned: boolean } | undefined {
  // A version left as a variable (`torch==$TORCH`) is unknown: the package counts, without a specifier.
  const a = arg.replace(/^["']|["']$/g, '').replace(/(?:==|>=|<=|~=|!=|===|<|>)[^;\s]*\$[^;\s]*$/, '');
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)(\[[^\]]*\])?\s*((?:==|>=|<=|~=|!=|===|<|>)[^;\s]*)?$/.exec(a);
  if (!m) return undefined;
  const spec = m[3];
  const pinned = !!spec && /^===?[^,*]+$/.test(spec);
  return { name: m[1], specifier: spec, version: pinned ? spec.replace(/^===?/, '') : undefined, pinned };
}
