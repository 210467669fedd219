import type { References, RuleMeta } from '../core/model.js';

/** The project's home (SARIF `informationUri`). Set to the published repository. */
export const PROJECT_URL = 'https://github.com/aigis-security/aigis';

/**
 * Where the generated rule pages live on the web (SARIF `helpUri` must be an absolute URI).
 * The pages themselves are generated into docs/rules/ by `aigis rules --docs docs/rules`.
 */
export const RULE_DOCS_BASE_URL = `${PROJECT_URL}/blob/main/docs/rules/`;

/** Path of a rule's page relative to the docs folder: `secret/openai-api-key` → `secret/openai-api-key.md`. */
export function ruleDocPath(ruleId: string): string {
  return `${ruleId.split('/').map(safeSegment).join('/')}.md`;
}

export function ruleDocUrl(ruleId: string): string {
  return RULE_DOCS_BASE_URL + ruleDocPath(ruleId);
}

/** A rule id comes from code, but keep the path safe anyway (no `..`, no odd characters). */
function safeSegment(s: string): string {
  const cleaned = s.replace(/[^A-Za-z0-9_.-]/g, '_');
  return cleaned === '.' || cleaned === '..' || cleaned === '' ? '_' : cleaned;
}

export interface ReferenceLink {
  /** The id as written (`CVE-2025-32434`, `LLM03`), or the URL itself. */
  label: string;
  url: string;
  kind: keyof References;
}

/** Known OWASP Top 10 for LLM Applications 2025 page slugs (genai.owasp.org/llmrisk/llm<NN>-<slug>/). */
const OWASP_LLM_2025: Record<string, string> = {
  LLM01: 'llm01-prompt-injection',
  LLM02: 'llm022025-sensitive-information-disclosure',
  LLM03: 'llm032025-supply-chain',
  LLM04: 'llm042025-data-and-model-poisoning',
  LLM05: 'llm052025-improper-output-handling',
  LLM06: 'llm062025-excessive-agency',
  LLM07: 'llm072025-system-prompt-leakage',
  LLM08: 'llm082025-vector-and-embedding-weaknesses',
  LLM09: 'llm092025-misinformation',
  LLM10: 'llm102025-unbounded-consumption',
};

/** Turns structured references into links: CVE → NVD, GHSA → GitHub advisories, CWE → cwe.mitre.org, LLMxx → genai.owasp.org, ATLAS → atlas.mitre.org. */
export function referenceLinks(refs: References): ReferenceLink[] {
  const out: ReferenceLink[] = [];
  for (const id of refs.cve ?? []) out.push({ kind: 'cve', label: id, url: `https://nvd.nist.gov/vuln/detail/${encodeURIComponent(id)}` });
  for (const id of refs.ghsa ?? []) out.push({ kind: 'ghsa', label: id, url: `https://github.com/advisories/${encodeURIComponent(id)}` });
  for (const id of refs.cwe ?? []) {
    const n = /^CWE-(\d+)$/i.exec(id)?.[1];
    out.push({ kind: 'cwe', label: id, url: n ? `https://cwe.mitre.org/data/definitions/${n}.html` : 'https://cwe.mitre.org/' });
  }
  for (const id of refs.owaspLlm ?? []) {
    const slug = OWASP_LLM_2025[id.toUpperCase()];
    out.push({ kind: 'owaspLlm', label: `OWASP ${id}`, url: slug ? `https://genai.owasp.org/llmrisk/${slug}/` : 'https://genai.owasp.org/llm-top-10/' });
  }
  for (const id of refs.atlas ?? []) out.push({ kind: 'atlas', label: `ATLAS ${id}`, url: `https://atlas.mitre.org/techniques/${encodeURIComponent(id)}` });
  for (const id of refs.attack ?? []) {
    out.push({ kind: 'attack', label: `ATT&CK ${id}`, url: `https://attack.mitre.org/techniques/${id.split('.').map(encodeURIComponent).join('/')}/` });
  }
  for (const url of refs.urls ?? []) out.push({ kind: 'urls', label: url, url });
  return out;
}

const MAX_TAGS = 20;

/** Tags for SARIF/GitHub: rule tags, category, and taxonomy ids (GitHub reads `external/cwe/cwe-NNN`). */
export function ruleTags(rule: Pick<RuleMeta, 'category' | 'tags' | 'references'>): string[] {
  const tags = ['security', rule.category, ...(rule.tags ?? [])];
  for (const id of rule.references.cwe ?? []) tags.push(`external/cwe/${id.toLowerCase()}`);
  for (const id of rule.references.owaspLlm ?? []) tags.push(`owasp-llm-2025/${id.toUpperCase()}`);
  for (const id of rule.references.atlas ?? []) tags.push(`mitre-atlas/${id}`);
  for (const id of rule.references.attack ?? []) tags.push(`mitre-attack/${id}`);
  // GitHub code scanning accepts at most 20 tags per rule; the most useful come first.
  return [...new Set(tags)].slice(0, MAX_TAGS);
}
