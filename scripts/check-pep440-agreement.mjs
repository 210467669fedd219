#!/usr/bin/env node
/**
 * Reports how far aigis' matcher (compiled, dist/) agrees with the packaging.version oracle.
 *
 *   npm run build
 *   /usr/bin/python3 scripts/check-pep440-oracle.py --full ../../shared/advisories/osv /tmp/pairs.json
 *   node scripts/check-pep440-agreement.mjs /tmp/pairs.json
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { matchRecord } = await import(join(root, 'dist/vuln/match.js'));
const { parseVersion } = await import(join(root, 'dist/vuln/versions.js'));
const { pep503 } = await import(join(root, 'dist/packages/normalize.js'));

const pairsPath = resolve(process.argv[2] ?? join(root, 'test/fixtures/pep440-agreement.json'));
const file = JSON.parse(readFileSync(pairsPath, 'utf8'));
const snapshot = JSON.parse(readFileSync(join(root, 'data/osv-snapshot.json'), 'utf8'));
const byId = new Map(snapshot.records.map((r) => [r.id, r]));
let pairs = 0, truePairs = 0, found = 0, falseMatches = 0;
const missing = [], extra = [];
const started = Date.now();
for (const [id, pkgs] of Object.entries(file.pairs)) {
  const rec = byId.get(id);
  for (const [pkg, list] of Object.entries(pkgs)) {
    for (const [version, expected] of list) {
      pairs++;
      const v = parseVersion('PyPI', version);
      const got = rec !== undefined && v !== undefined && matchRecord(rec, 'PyPI', pep503(pkg), v).length > 0;
      if (expected) {
        truePairs++;
        if (got) found++;
        else missing.push(`${id} ${pkg} ${version}`);
      } else if (got) {
        falseMatches++;
        extra.push(`${id} ${pkg} ${version}`);
      }
    }
  }
}
console.log(`${pairsPath}: ${pairs} pairs, ${truePairs} affected; found ${found} (${((100 * found) / Math.max(1, truePairs)).toFixed(3)}%), false matches ${falseMatches} of ${pairs - truePairs} unaffected; ${Date.now() - started} ms`);
for (const m of missing.slice(0, 10)) console.log(`  missed: ${m}`);
for (const m of extra.slice(0, 10)) console.log(`  false match: ${m}`);
