/**
 * RuleMeta for every `secret/*` rule, generated from the catalogue: one rule per id (a catalogue id
 * may have several entries, e.g. a prefixed format and a context-only legacy format), plus the AWS
 * pair rule that the scanner derives from an access key id and the secret next to it.
 */
import type { References, RuleMeta } from '../core/model.js';
import { SECRET_RULES, type SecretRule } from './catalog.js';


export function remediationFor(rule: Pick<SecretRule, 'provider' | 'console'>): string {
  return [
    `Treat the key as compromised: revoke or rotate it now in the ${rule.provider} console: ${rule.console}. Then check its usage and billing for abuse.`,
    'Load the replacement at run time from a secret manager (HashiCorp Vault, AWS Secrets Manager, Azure Key Vault, Google Secret Manager, Kubernetes External Secrets / sealed secrets) or from an environment variable injected by the platform or CI; never commit it.',
    'Removing the line is not enough: purge the value from git history (git filter-repo) and rebuild and re-push any container image whose layers or config hold it.',
  ].join(' ');
}

function referencesFor(rule: Pick<SecretRule, 'llmjacking' | 'docs'>): References {
  return {
    cwe: ['CWE-798'],
    owaspLlm: rule.llmjacking ? ['LLM02', 'LLM10'] : ['LLM02'],
    atlas: ['AML.T0055'],
    attack: ['T1552.001'],
    urls: rule.docs ? [rule.docs] : undefined,
  };
}

function describe(rule: SecretRule): string {
  const spend = rule.llmjacking
    ? ' Stolen AI keys are resold and used to run up model bills (LLMjacking) and to read whatever the account stores.'
    : '';
  return `A live-format ${rule.title} is written in the file. Anyone who can read the repository, the image or the build logs gets ${rule.grants}.${spend}`;
}

function ruleMeta(rule: SecretRule): RuleMeta {
  return {
    id: `secret/${rule.id}`,
    title: rule.title,
    severity: rule.severity,
    category: 'secret',
    description: describe(rule),
    remediation: remediationFor(rule),
    references: referencesFor(rule),
    tags: ['secret', rule.provider.toLowerCase().replace(/[^a-z0-9]+/g, '-'), ...(rule.llmjacking ? ['llmjacking'] : [])],
  };
}

/** The combined rule of a two-part credential (the AWS key pair), generated from the rule's `pair`. */
function pairMeta(rule: SecretRule): RuleMeta {
  const pair = rule.pair!;
  return {
    id: `secret/${pair.ruleId}`,
    title: pair.title,
    severity: pair.severity,
    category: 'secret',
    description: `Both halves of a ${rule.provider} credential (${rule.title.toLowerCase()} and its secret) are written next to each other: together they are a working credential for ${pair.grants}. Stolen cloud keys are used to invoke paid models (LLMjacking).`,
    remediation: remediationFor(rule),
    references: referencesFor(rule),
    tags: ['secret', rule.provider.toLowerCase().replace(/[^a-z0-9]+/g, '-'), ...(rule.llmjacking ? ['llmjacking'] : [])],
    confidence: 'high',
  };
}

/** One RuleMeta per id, in catalogue order (first entry of an id wins for the metadata). */
export const SECRET_RULE_METAS: RuleMeta[] = (() => {
  const out = new Map<string, RuleMeta>();
  for (const r of SECRET_RULES) if (!out.has(`secret/${r.id}`)) out.set(`secret/${r.id}`, ruleMeta(r));
  const list = [...out.values()];
  for (const r of SECRET_RULES.filter((x) => x.pair)) {
    if (list.some((m) => m.id === `secret/${r.pair!.ruleId}`)) continue;
    list.splice(list.findIndex((m) => m.id === `secret/${r.id}`), 0, pairMeta(r));
  }
  // Rules that only ever match with a context (no fixed prefix) are less certain than prefixed formats.
  for (const m of list) {
    const entries = SECRET_RULES.filter((r) => `secret/${r.id}` === m.id);
    if (entries.length > 0) m.confidence = entries.every((r) => r.context) ? 'medium' : 'high';
  }
  return list;
})();

export const SECRET_RULE_BY_ID = new Map(SECRET_RULE_METAS.map((m) => [m.id, m]));
