/**
 * Writes data/analyzer-rules.json from the registry (see rule-catalog.ts). Run
 * `npm run build && node dist/analyzers/rule-catalog-write.js` after adding or editing a rule.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Analyzer, Enricher } from '../core/analyzer.js';
import { RULE_CATALOG, type RuleCatalog } from './rule-catalog.js';
import { analyzers, enrichers } from './index.js';

export function catalogOf(list: readonly Analyzer[], more: readonly Enricher[]): RuleCatalog {
  return {
    analyzers: Object.fromEntries(list.map((a) => [a.name, a.rules])),
    enrichers: Object.fromEntries(more.map((e) => [e.name, e.rules])),
  };
}

export function catalogText(catalog: RuleCatalog): string {
  return JSON.stringify(catalog, null, 1) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(RULE_CATALOG, catalogText(catalogOf(analyzers, enrichers)));
  process.stdout.write(`wrote ${RULE_CATALOG}\n`);
}
