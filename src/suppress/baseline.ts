/**
 * `--baseline FILE`: adopt aigis on a large repository by reporting only what is new since a previous
 * aigis JSON report. A finding is known when its `stableFingerprint` (aigis/v2, line-independent) is
 * in the baseline; reports written before v2 existed are matched by their line-based `fingerprint`.
 * Pure: the CLI reads the file.
 */
import type { Finding } from '../core/model.js';

export class BaselineError extends Error {}

export function parseBaseline(text: string, source: string): Set<string> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(`${source}: not JSON (${(err as Error).message}); --baseline takes a report written by aigis scan --format json`);
  }
  const findings = (doc as { findings?: unknown })?.findings;
  if (!Array.isArray(findings)) throw new BaselineError(`${source}: no "findings" list; --baseline takes a report written by aigis scan --format json`);
  const suppressed = (doc as { suppressed?: unknown }).suppressed;
  const all = [...findings, ...(Array.isArray(suppressed) ? suppressed.map((s) => (s as { finding?: unknown })?.finding) : [])];
  const known = new Set<string>();
  for (const f of all) {
    if (!f || typeof f !== 'object') continue;
    const { stableFingerprint, fingerprint } = f as Partial<Finding>;
    if (typeof stableFingerprint === 'string') known.add(stableFingerprint);
    else if (typeof fingerprint === 'string') known.add(fingerprint);
  }
  return known;
}

/** Findings not in the baseline, and how many were. */
export function applyBaseline(findings: Finding[], known: Set<string>): { kept: Finding[]; known: number } {
  const kept = findings.filter((f) => !(f.stableFingerprint !== undefined && known.has(f.stableFingerprint)) && !known.has(f.fingerprint));
  return { kept, known: findings.length - kept.length };
}
