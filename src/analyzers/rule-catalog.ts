/**
 * The rules' metadata of every registered analyzer and enricher, as data (data/analyzer-rules.json),
 * so that a scan lists every rule in its report without loading the modules that check them (see
 * lazy.ts). Generated from the registry by `node dist/analyzers/rule-catalog-write.js`; a test keeps
 * it equal to the registry.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RuleMeta } from '../core/model.js';

export const RULE_CATALOG = fileURLToPath(new URL('../../data/analyzer-rules.json', import.meta.url));

/** Rules by analyzer (or enricher) name, in registry order. */
export interface RuleCatalog {
  analyzers: Record<string, RuleMeta[]>;
  enrichers: Record<string, RuleMeta[]>;
}

let cached: RuleCatalog | undefined;

export function ruleCatalog(): RuleCatalog {
  return (cached ??= JSON.parse(readFileSync(RULE_CATALOG, 'utf8')) as RuleCatalog);
}

/** The metadata of one analyzer's rules. */
export function analyzerRules(name: string): RuleMeta[] {
  const list = ruleCatalog().analyzers[name];
  if (!list) throw new Error(`${name}: not in ${RULE_CATALOG} (regenerate it: node dist/analyzers/rule-catalog-write.js)`);
  return list;
}

/** The metadata of one enricher's rules. */
export function enricherRules(name: string): RuleMeta[] {
  const list = ruleCatalog().enrichers[name];
  if (!list) throw new Error(`${name}: not in ${RULE_CATALOG} (regenerate it: node dist/analyzers/rule-catalog-write.js)`);
  return list;
}
