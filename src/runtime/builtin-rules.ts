/**
 * The built-in AI rule pack: Sigma YAML under rules/runtime/ at the package root (the source, and what
 * `aigis rules export` writes), precompiled into rules/runtime/pack.json (the same documents as JSON).
 * Loading the pack from JSON spares every detect run the YAML library and its parsing (a third of the
 * start-up); test/runtime/builtin-pack.test.ts fails when the JSON is stale, and
 * `node dist/runtime/builtin-pack.js` rewrites it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRuleDocument, loadRulePath, type LoadResult } from './sigma/loader.js';
import { withLazyRegex } from './sigma/modifiers.js';

/** rules/runtime/ — the same relative place from src/runtime/ and from dist/runtime/. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/runtime/', import.meta.url));
export const BUILTIN_PACK = fileURLToPath(new URL('../../rules/runtime/pack.json', import.meta.url));

/** rules/runtime/pack.json: every rule file's documents, parsed. */
export interface BuiltinPack {
  files: { file: string; docs: unknown[]; errors: string[] }[];
}

let cached: LoadResult | undefined;

export function loadBuiltinRules(): LoadResult {
  if (cached) return cached;
  if (!existsSync(BUILTIN_PACK)) return (cached = loadRulePath(BUILTIN_RULES_DIR, true));
  const pack = JSON.parse(readFileSync(BUILTIN_PACK, 'utf8')) as BuiltinPack;
  const out: LoadResult = { rules: [], problems: [] };
  for (const f of pack.files) {
    for (const message of f.errors) out.problems.push({ file: f.file, message, kind: 'invalid' });
    withLazyRegex(() => f.docs.forEach((doc, i) => loadRuleDocument(doc, f.file, true, i, out)));
  }
  return (cached = out);
}
