/** Compares the matcher with the packaging.version oracle's pairs (scripts/check-pep440-oracle.py). */
import type { AdvisoryRecord } from '../../src/vuln/record.js';
import { matchRecord } from '../../src/vuln/match.js';
import { parseVersion } from '../../src/vuln/versions.js';
import { pep503 } from '../../src/packages/normalize.js';

export interface PairsFile {
  pairs: Record<string, Record<string, [string, number][]>>;
}

export interface Agreement {
  pairs: number;
  truePairs: number;
  found: number;
  falseMatches: number;
  missing: string[];
  extra: string[];
}

export function agreement(file: PairsFile, records: AdvisoryRecord[]): Agreement {
  const byId = new Map(records.map((r) => [r.id, r]));
  const out: Agreement = { pairs: 0, truePairs: 0, found: 0, falseMatches: 0, missing: [], extra: [] };
  for (const [id, pkgs] of Object.entries(file.pairs)) {
    const rec = byId.get(id);
    for (const [pkg, list] of Object.entries(pkgs)) {
      for (const [version, expected] of list) {
        out.pairs++;
        const v = parseVersion('PyPI', version);
        const got = rec !== undefined && v !== undefined && matchRecord(rec, 'PyPI', pep503(pkg), v).length > 0;
        if (expected) {
          out.truePairs++;
          if (got) out.found++;
          else out.missing.push(`${id} ${pkg} ${version}`);
        } else if (got) {
          out.falseMatches++;
          out.extra.push(`${id} ${pkg} ${version}`);
        }
      }
    }
  }
  return out;
}
