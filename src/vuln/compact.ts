/**
 * PyPA records list every affected version next to the ranges (hundreds of versions per record).
 * Where the ranges already cover each listed version the list adds nothing to matching, so it is
 * dropped — checked with the matcher itself, so the reduction is lossless. A listed PyPI version X
 * also stands for its local builds (X+cu121 …, as pip's ==X does), so the ranges must cover a high
 * local label of X too. Lists with any version outside the ranges are kept whole.
 */
import { inRange } from './match.js';
import type { AdvisoryRecord } from './record.js';
import { parseVersion } from './versions.js';

export function dropCoveredVersions(record: AdvisoryRecord): AdvisoryRecord {
  for (const a of record.affected) {
    if (!a.versions || a.ranges.length === 0) continue;
    const inAny = (v: string): boolean => {
      const pv = parseVersion(a.ecosystem, v);
      return pv !== undefined && a.ranges.some((r) => inRange(a.ecosystem, pv, r));
    };
    const covered = a.versions.every((v) => inAny(v) && (a.ecosystem !== 'PyPI' || v.includes('+') || inAny(`${v}+999999999`)));
    if (covered) delete a.versions;
  }
  return record;
}
