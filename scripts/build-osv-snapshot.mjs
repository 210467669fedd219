#!/usr/bin/env node
/**
 * Builds data/osv-snapshot.json, the advisory snapshot bundled with aigis, from the OSV records in
 * ../shared/advisories/osv/ (or the directory given as the first argument).
 *
 *   npm run build && node scripts/build-osv-snapshot.mjs [OSV_DIR] [OUT]
 *
 * Only facts are kept (ids, aliases, packages, ranges, versions, severity, CWE, reference URLs, a short
 * summary), compacted by the same code the `aigis db import` command uses (dist/vuln/record.js).
 * Sources: GitHub Advisory Database and PyPA Advisory Database, both CC-BY-4.0 (see NOTICE).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { fromOsv } = await import(join(root, 'dist/vuln/record.js'));
const { dropCoveredVersions } = await import(join(root, 'dist/vuln/compact.js'));

const src = resolve(process.argv[2] ?? join(root, '../../shared/advisories/osv'));
const out = resolve(process.argv[3] ?? join(root, 'data/osv-snapshot.json'));

/**
 * The malicious ultralytics releases of December 2024 (a crypto miner injected through a compromised
 * release workflow): 8.3.41 and 8.3.42 on 4–5 Dec, 8.3.45 and 8.3.46 on 7 Dec. Written as an OSV
 * record in aigis' own id space, aliased to the PyPA record so that the two merge into one advisory.
 */
const EXTRA = [
  {
    schema_version: '1.6.0',
    id: 'AIGIS-MAL-2024-0001',
    aliases: ['PYSEC-2024-154'],
    modified: '2024-12-10T00:00:00Z',
    published: '2024-12-05T00:00:00Z',
    summary: 'Malicious ultralytics releases 8.3.41, 8.3.42, 8.3.45 and 8.3.46 contained malicious crypto miner code',
    affected: [{ package: { ecosystem: 'PyPI', name: 'ultralytics' }, versions: ['8.3.41', '8.3.42', '8.3.45', '8.3.46'] }],
    references: [
      { type: 'REPORT', url: 'https://github.com/ultralytics/ultralytics/issues/18027' },
      { type: 'ARTICLE', url: 'https://blog.yossarian.net/2024/12/06/zizmor-ultralytics-injection' },
    ],
    database_specific: { malicious: true },
  },
];

const names = (await readdir(src)).filter((n) => n.endsWith('.json')).sort();
const records = [];
let withdrawn = 0;
let skipped = 0;
for (const n of names) {
  const res = fromOsv(JSON.parse(await readFile(join(src, n), 'utf8')));
  if (res.kind === 'record') records.push(dropCoveredVersions(res.record));
  else if (res.kind === 'withdrawn') withdrawn++;
  else skipped++;
}
for (const raw of EXTRA) records.push(fromOsv(raw).record);

const snapshot = {
  schema: 1,
  generatedAt: new Date().toISOString(),
  attribution: [
    'GitHub Advisory Database (https://github.com/github/advisory-database), CC-BY-4.0',
    'PyPA Advisory Database (https://github.com/pypa/advisory-database), CC-BY-4.0',
  ],
  records,
};
await writeFile(out, JSON.stringify(snapshot) + '\n');
console.log(`${out}: ${records.length} records (${withdrawn} withdrawn and ${skipped} without PyPI/npm entries left out) from ${names.length} files`);
