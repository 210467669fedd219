/** The built-in AI rule pack: Sigma YAML under rules/runtime/ at the package root. */
import { fileURLToPath } from 'node:url';
import { loadRulePath, type LoadResult } from './sigma/loader.js';

/** rules/runtime/ — the same relative place from src/runtime/ and from dist/runtime/. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/runtime/', import.meta.url));

let cached: LoadResult | undefined;

export function loadBuiltinRules(): LoadResult {
  cached ??= loadRulePath(BUILTIN_RULES_DIR, true);
  return cached;
}
