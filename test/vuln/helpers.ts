import { readFileSync } from 'node:fs';
import { fromOsv, type AdvisoryRecord } from '../../src/vuln/record.js';

export const FIXTURES = new URL('../fixtures/osv/', import.meta.url);

/** A real OSV record from test/fixtures/osv, parsed as JSON. */
export function raw(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${id}.json`, FIXTURES), 'utf8')) as Record<string, unknown>;
}

/** A real record, compacted. */
export function record(id: string): AdvisoryRecord {
  return compact(raw(id));
}

export function compact(r: unknown): AdvisoryRecord {
  const res = fromOsv(r);
  if (res.kind !== 'record') throw new Error(`expected a record, got ${res.kind}`);
  return res.record;
}
