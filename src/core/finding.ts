import { sha256Hex } from './node-crypto.js';
import type { Finding, Location, References, RuleMeta, Severity } from './model.js';
import { localeOrder } from './text.js';

export interface FindingInput {
  location: Location;
  message: string;
  evidence?: string;
  /** Overrides the rule's severity (e.g. a key that is also valid elsewhere). */
  severity?: Severity;
  remediation?: string;
  /** Merged with the rule's references. */
  references?: References;
  assetId?: string;
  properties?: Record<string, unknown>;
  /** Extra text that distinguishes two findings of one rule at one place (e.g. the global name). */
  fingerprintSalt?: string;
  title?: string;
}

/** Builds a finding from a rule's metadata; the fingerprint is stable across runs and machines. */
export function makeFinding(rule: RuleMeta, input: FindingInput): Finding {
  const loc = input.location;
  const fingerprint = sha256Hex([rule.id, loc.path ?? '', loc.member ?? '', loc.url ?? '', String(loc.startLine ?? ''), input.fingerprintSalt ?? input.evidence ?? ''].join('\u0000')).slice(0, 32);
  const stableFingerprint = stableHash([rule.id, loc.path ?? '', loc.member ?? '', loc.url ?? '', normaliseEvidence(input.fingerprintSalt ?? input.evidence ?? input.message)]);
  return {
    ruleId: rule.id,
    severity: input.severity ?? rule.severity,
    category: rule.category,
    title: input.title ?? rule.title,
    message: input.message,
    location: loc,
    evidence: input.evidence,
    remediation: input.remediation ?? rule.remediation,
    references: mergeReferences(rule.references, input.references),
    assetId: input.assetId,
    fingerprint,
    stableFingerprint,
    confidence: rule.confidence,
    properties: input.properties,
  };
}

export function mergeReferences(a: References, b?: References): References {
  if (!b) return a;
  const out: References = { ...a };
  for (const key of Object.keys(b) as (keyof References)[]) {
    const merged = [...(a[key] ?? []), ...(b[key] ?? [])];
    out[key] = [...new Set(merged)];
  }
  return out;
}

/** Version tag of `stableFingerprint` (SARIF `partialFingerprints` key). */
export const STABLE_FINGERPRINT_KEY = 'aigis/v2';

function stableHash(parts: string[]): string {
  return sha256Hex(parts.join('\u0000')).slice(0, 32);
}

/**
 * Evidence as it identifies a finding: whitespace runs collapsed and trimmed, so re-indenting or
 * re-wrapping a file does not make a known finding new. Line and column are never part of it.
 */
function normaliseEvidence(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Two findings of one rule with the same evidence in one file share the base stable fingerprint;
 * the second and later (in file order) get an occurrence index, as GitHub's own line hashes do.
 * Moving code changes no index unless the identical findings swap order. Idempotent; mutates.
 */
export function assignOccurrences(findings: Finding[]): void {
  // Most fingerprints occur once: only those seen again get a group (this runs several times per scan).
  const first = new Map<string, Finding>();
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.stableFingerprint ?? '';
    if (!key) continue;
    const one = first.get(key);
    if (one === undefined) {
      first.set(key, f);
      continue;
    }
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [one, f]);
  }
  for (const [key, group] of groups) {
    group.sort((a, b) => (a.location.startLine ?? 0) - (b.location.startLine ?? 0) || (a.location.startColumn ?? 0) - (b.location.startColumn ?? 0) || localeOrder(a.fingerprint, b.fingerprint));
    group.forEach((f, i) => {
      if (i > 0) f.stableFingerprint = stableHash([key, String(i)]);
    });
  }
}
