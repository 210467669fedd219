import type { References, RuleMeta } from './model.js';
import { isSeverity } from './severity.js';

/** `domain/slug`, both kebab-case: `secret/openai-api-key`, `model/pickle-unsafe-global`. */
export const RULE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

const CATEGORIES = new Set(['vulnerability', 'misconfiguration', 'secret', 'unsafe-artifact', 'exposure', 'detection']);

/** Reference id formats, so that links can be generated and the JSON schema holds. */
const REFERENCE_FORMATS: Record<Exclude<keyof References, 'urls'>, RegExp> = {
  cve: /^CVE-\d{4}-\d{4,}$/,
  ghsa: /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/,
  cwe: /^CWE-\d+$/,
  owaspLlm: /^LLM(0[1-9]|10)$/,
  atlas: /^AML\.(T|TA|M)\d{4}(\.\d{3})?$/,
  attack: /^T\d{4}(\.\d{3})?$/,
};

/**
 * Problems with one rule's metadata (empty when complete). Every registered rule must pass: docs,
 * `aigis rules`, SARIF `tool.driver.rules` and every finding's remediation come from this metadata.
 */
export function ruleMetaProblems(rule: RuleMeta): string[] {
  const p: string[] = [];
  if (!RULE_ID_PATTERN.test(rule.id ?? '')) p.push(`id "${rule.id}" is not a kebab-case domain/slug`);
  for (const key of ['title', 'description', 'remediation'] as const) {
    if (typeof rule[key] !== 'string' || !rule[key].trim()) p.push(`${key} is empty`);
  }
  if (!isSeverity(rule.severity)) p.push(`severity "${rule.severity}" is not one of critical, high, medium, low, info`);
  if (!CATEGORIES.has(rule.category)) p.push(`category "${rule.category}" is unknown`);
  const refs = rule.references ?? {};
  const total = Object.values(refs).reduce((n, list) => n + (Array.isArray(list) ? list.length : 0), 0);
  if (!total) p.push('references are empty (give at least a CWE, an OWASP LLM id, an ATLAS technique, an advisory or a URL)');
  for (const [kind, pattern] of Object.entries(REFERENCE_FORMATS) as [keyof typeof REFERENCE_FORMATS, RegExp][]) {
    for (const id of refs[kind] ?? []) if (!pattern.test(id)) p.push(`references.${kind} "${id}" does not match ${pattern}`);
  }
  for (const url of refs.urls ?? []) if (!/^https:\/\/[^\s]+$/.test(url)) p.push(`references.urls "${url}" is not an https URL`);
  if (rule.title && rule.title.length > 100) p.push('title is longer than 100 characters (it is a SARIF shortDescription)');
  return p;
}

/** Problems across a rule set: per-rule problems plus duplicate ids. */
export function ruleSetProblems(rules: RuleMeta[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.id)) out.push(`${r.id}: duplicate rule id`);
    seen.add(r.id);
    out.push(...ruleMetaProblems(r).map((m) => `${r.id}: ${m}`));
  }
  return out;
}
