/**
 * The bundled advisory snapshot (`data/osv-snapshot.json`, built by `scripts/build-osv-snapshot.mjs`
 * from OSV records of the GitHub Advisory Database and the PyPA Advisory Database, CC-BY-4.0), so that
 * a fresh installation matches offline.
 */
import { readFile } from 'node:fs/promises';
import type { AdvisoryRecord } from './record.js';

export interface Snapshot {
  schema: 1;
  generatedAt: string;
  attribution: string[];
  records: AdvisoryRecord[];
}

/** Both src/vuln and dist/vuln sit two levels below the package root, next to `data/`. */
export const SNAPSHOT_URL = new URL('../../data/osv-snapshot.json', import.meta.url);

let cached: Promise<Snapshot> | undefined;

export function loadSnapshot(): Promise<Snapshot> {
  cached ??= readFile(SNAPSHOT_URL, 'utf8').then((t) => JSON.parse(t) as Snapshot);
  return cached;
}
