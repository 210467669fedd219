/**
 * Import name → package for AI libraries (`data/ai-imports.json`). Import names often differ from
 * distribution names (`sklearn` → scikit-learn, `cv2` → opencv-python), so code discovery cannot
 * use the package catalogue directly.
 */
import { createRequire } from 'node:module';

export interface ImportEntry {
  package: string;
  category: string;
}

export interface ImportMatch {
  ecosystem: 'pypi' | 'npm';
  /** Distribution / npm package name. */
  package: string;
  category: string;
}

const require = createRequire(import.meta.url);
const data = require('../../data/ai-imports.json') as { python: Record<string, ImportEntry>; npm: Record<string, ImportEntry> };

/** Python: longest dotted prefix of the module path that is in the table (`google.generativeai.types` → google-generativeai). */
export function classifyPythonImport(module: string): ImportMatch | undefined {
  const parts = module.split('.');
  for (let n = parts.length; n > 0; n--) {
    const e = data.python[parts.slice(0, n).join('.')];
    if (e) return { ecosystem: 'pypi', package: e.package, category: e.category };
  }
  return undefined;
}

/** npm: the package of a module specifier (`@langchain/openai/chat` → @langchain/openai); relative specifiers are not packages. */
export function classifyNpmImport(specifier: string): ImportMatch | undefined {
  if (!specifier || specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const pkg = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const exact = data.npm[pkg];
  if (exact) return { ecosystem: 'npm', package: pkg, category: exact.category };
  if (pkg.startsWith('@')) {
    const scope = data.npm[`${parts[0]}/*`];
    if (scope) return { ecosystem: 'npm', package: pkg, category: scope.category };
  }
  return undefined;
}

export function importCatalogue(): { python: Record<string, ImportEntry>; npm: Record<string, ImportEntry> } {
  return data;
}
