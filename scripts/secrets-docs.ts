/**
 * Regenerates the rule table of docs/secrets.md from the catalogue:
 *
 *   npx vite-node scripts/secrets-docs.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withRuleTable } from '../src/secrets/doc-table.js';

const path = fileURLToPath(new URL('../docs/secrets.md', import.meta.url));
writeFileSync(path, withRuleTable(readFileSync(path, 'utf8')));
console.log(`updated ${path}`);
