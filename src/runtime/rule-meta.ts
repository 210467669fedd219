/**
 * Sigma rule metadata → aigis RuleMeta. Tag conventions (Sigma tags appendix, plus two aigis
 * namespaces documented in docs/runtime-detection.md):
 * - `attack.t1078.004` → ATT&CK `T1078.004`
 * - `atlas.aml.t0040` (or `atlas.aml.t0040.000`) → MITRE ATLAS `AML.T0040`
 * - `owasp.llm10` → OWASP Top 10 for LLM Applications 2025 `LLM10`
 */
import type { References, RuleMeta, Severity } from '../core/model.js';
import type { AnyRule } from './sigma/types.js';

const LEVELS: Record<string, Severity> = { informational: 'info', info: 'info', low: 'low', medium: 'medium', high: 'high', critical: 'critical' };

export function severityOf(level: string | undefined): Severity {
  return LEVELS[(level ?? '').toLowerCase()] ?? 'medium';
}

/** `detect/<name>` for the built-in pack, `sigma/<id>` for rules loaded with --rules. */
export function ruleIdOf(rule: AnyRule): string {
  return rule.builtin && rule.name ? `detect/${rule.name}` : `sigma/${rule.id}`;
}

export function referencesOf(rule: AnyRule): References {
  const refs: References = {};
  const add = (k: keyof References, v: string): void => {
    const list = (refs[k] ??= []);
    if (!list.includes(v)) list.push(v);
  };
  for (const tag of rule.tags) {
    const t = tag.toLowerCase();
    let m = /^attack\.(t\d{4}(?:\.\d{3})?)$/.exec(t);
    if (m) add('attack', m[1].toUpperCase());
    m = /^atlas\.(aml\.t\d{4}(?:\.\d{3})?)$/.exec(t);
    if (m) add('atlas', m[1].toUpperCase());
    m = /^owasp\.(llm\d{2})$/.exec(t);
    if (m) add('owaspLlm', m[1].toUpperCase());
    m = /^cve\.(\d{4}[.-]\d+)$/.exec(t);
    if (m) add('cve', `CVE-${m[1].replace('.', '-')}`);
  }
  for (const u of rule.references) if (/^https?:\/\//.test(u)) add('urls', u);
  return refs;
}

const DEFAULT_REMEDIATION =
  'Confirm the activity with the owner of the identity. If it was not expected, revoke the credentials used (access keys, sessions, tokens), review what else the identity did in the same period, and restore any configuration that was changed.';

export function ruleMetaOf(rule: AnyRule): RuleMeta {
  const fp = rule.falsepositives.length ? `\n\nFalse positives: ${rule.falsepositives.join('; ')}.` : '';
  const credit = rule.builtin ? '' : `\n\nSigma rule ${rule.id}${rule.author ? ` by ${rule.author}` : ''} (Detection Rule License 1.1).`;
  return {
    id: ruleIdOf(rule),
    title: rule.title,
    severity: severityOf(rule.level),
    category: 'detection',
    description: `${(rule.description ?? rule.title).trim()}${fp}${credit}`,
    remediation: rule.remediation?.trim() ?? DEFAULT_REMEDIATION,
    references: referencesOf(rule),
    tags: rule.tags,
    confidence: rule.status === 'stable' ? 'high' : rule.status === 'experimental' ? 'low' : 'medium',
    aliases: rule.builtin ? [rule.id] : undefined,
  };
}
