/**
 * Severity of an advisory: GitHub's reviewed label (`database_specific.severity`) when present,
 * otherwise the base score of the record's CVSS vector computed by `ae-cvss-calculator` (v3.1, v3.0,
 * v4.0, v2 in that order of preference), mapped to the usual bands (9.0 critical, 7.0 high, 4.0 medium).
 */
// ae-cvss-calculator is CommonJS without named-export hints for Node's ESM loader.
import cvss from 'ae-cvss-calculator';

const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvss;
import type { Severity } from '../core/severity.js';

const GHSA_LABELS: Record<string, Severity> = { CRITICAL: 'critical', HIGH: 'high', MODERATE: 'medium', MEDIUM: 'medium', LOW: 'low' };

export interface SeverityInfo {
  severity?: Severity;
  severitySource?: string;
  cvss?: string;
  score?: number;
}

export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/** Base score of a CVSS vector, or undefined when the vector cannot be read. */
export function cvssScore(vector: string): number | undefined {
  try {
    const v = vector.trim();
    const calc = v.startsWith('CVSS:4.0/') ? new Cvss4P0(v) : v.startsWith('CVSS:3.1/') ? new Cvss3P1(v) : v.startsWith('CVSS:3.0/') ? new Cvss3P0(v) : new Cvss2(v);
    const s = calc.calculateScores() as { base?: number; overall?: number };
    const score = s.base ?? s.overall;
    return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
  } catch {
    return undefined;
  }
}

const PREFERENCE = ['CVSS_V3', 'CVSS_V4', 'CVSS_V2'];

export function severityFromOsv(severity: unknown, dbs: Record<string, unknown>): SeverityInfo {
  const entries = (Array.isArray(severity) ? severity : []) as { type?: unknown; score?: unknown }[];
  const sorted = entries
    .filter((e) => typeof e?.type === 'string' && typeof e?.score === 'string')
    .sort((a, b) => PREFERENCE.indexOf(String(a.type)) - PREFERENCE.indexOf(String(b.type)));
  let vector: string | undefined;
  let score: number | undefined;
  for (const e of sorted) {
    const s = cvssScore(String(e.score));
    if (s !== undefined) {
      vector = String(e.score);
      score = s;
      break;
    }
  }
  const label = typeof dbs.severity === 'string' ? GHSA_LABELS[dbs.severity.toUpperCase()] : undefined;
  const out: SeverityInfo = {};
  if (vector !== undefined) {
    out.cvss = vector;
    out.score = score;
  }
  if (label) {
    out.severity = label;
    out.severitySource = 'ghsa';
  } else if (score !== undefined) {
    out.severity = severityFromScore(score);
    out.severitySource = vector!.startsWith('CVSS:4.0/') ? 'cvss-v4' : vector!.startsWith('CVSS:3') ? 'cvss-v3' : 'cvss-v2';
  }
  return out;
}
