import { createHash } from 'node:crypto';
import type { Finding, Location, References, RuleMeta, Severity } from './model.js';

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
  const fingerprint = createHash('sha256')
    .update([rule.id, loc.path ?? '', loc.member ?? '', loc.url ?? '', String(loc.startLine ?? ''), input.fingerprintSalt ?? input.evidence ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
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
