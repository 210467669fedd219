import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzers, enrichers } from '../../src/analyzers/index.js';
import { allRules, checkRuleDocs, writeRuleDocs } from '../../src/cli/commands/rules.js';
import type { RuleMeta } from '../../src/core/model.js';
import { ruleMetaProblems, ruleSetProblems } from '../../src/core/rule-check.js';
import { renderRuleDoc } from '../../src/report/rule-docs.js';
import { fixtureRules } from '../support/fixture-analyzer.js';
import { sampleRules } from '../support/sample-report.js';

/**
 * The meta-test that protects every analyzer: each registered rule must have complete metadata,
 * because docs, `aigis rules`, SARIF `tool.driver.rules` and every finding's remediation come from it.
 */
const registered: RuleMeta[] = [...analyzers.flatMap((a) => a.rules), ...enrichers.flatMap((e) => e.rules)];

describe('metadata of every registered rule', () => {
  it('has no duplicate ids across analyzers and enrichers', () => {
    const ids = registered.map((r) => r.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it.each(registered.map((r) => [r.id, r] as const))('%s is complete', (_id, rule) => {
    expect(ruleMetaProblems(rule)).toEqual([]);
  });

  it('every registered rule gets a generated page', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-docs-'));
    const rules = allRules();
    expect(writeRuleDocs(dir, rules)).toBe(rules.length + 1);
    for (const r of rules) {
      const page = readFileSync(path.join(dir, ...r.id.split('/')) + '.md', 'utf8');
      expect(page).toContain(`# ${r.title}`);
      expect(page).toContain(r.remediation.trim());
    }
  });
});

describe('the metadata checker (so that the test above can fail)', () => {
  const good: RuleMeta = sampleRules[0];

  it('accepts complete metadata', () => {
    expect(ruleMetaProblems(good)).toEqual([]);
    expect(ruleSetProblems([...sampleRules, ...fixtureRules])).toEqual([]);
  });

  it.each([
    ['id not kebab-case', { id: 'Secret/OpenAI_Key' }, /not a kebab-case domain\/slug/],
    ['id without domain', { id: 'openai-api-key' }, /not a kebab-case domain\/slug/],
    ['empty title', { title: '  ' }, /title is empty/],
    ['empty description', { description: '' }, /description is empty/],
    ['empty remediation', { remediation: '' }, /remediation is empty/],
    ['no references', { references: {} }, /references are empty/],
    ['bad severity', { severity: 'urgent' }, /severity "urgent"/],
    ['bad category', { category: 'oops' }, /category "oops"/],
    ['bad CWE', { references: { cwe: ['798'] } }, /references.cwe "798"/],
    ['bad OWASP id', { references: { owaspLlm: ['LLM03:2025'] } }, /references.owaspLlm/],
    ['bad ATLAS id', { references: { atlas: ['T0010'] } }, /references.atlas/],
    ['plain-http URL', { references: { urls: ['http://example.com'] } }, /not an https URL/],
  ])('rejects %s', (_name, patch, message) => {
    const problems = ruleMetaProblems({ ...good, ...(patch as Partial<RuleMeta>) });
    expect(problems.join('\n')).toMatch(message);
  });

  it('reports duplicate ids', () => {
    expect(ruleSetProblems([good, { ...good, title: 'Other' }])).toEqual([`${good.id}: duplicate rule id`]);
  });
});

describe('rule docs', () => {
  it('renders title, id, severity, category, description, remediation and linked references', () => {
    const page = renderRuleDoc(sampleRules[1]);
    expect(page).toContain('# Pickle imports a dangerous global');
    expect(page).toContain('| Rule id | `model/pickle-unsafe-global` |');
    expect(page).toContain('| Severity | high (security-severity 8.0) |');
    expect(page).toContain('| Category | unsafe-artifact |');
    expect(page).toContain('## How to fix\n\nConvert the model to safetensors.');
    expect(page).toContain('[CVE-2025-32434](https://nvd.nist.gov/vuln/detail/CVE-2025-32434)');
    expect(page).toContain('[GHSA-53q9-r3pm-6pq6](https://github.com/advisories/GHSA-53q9-r3pm-6pq6)');
    expect(page).toContain('[CWE-502](https://cwe.mitre.org/data/definitions/502.html)');
    expect(page).toContain('[OWASP LLM03](https://genai.owasp.org/llmrisk/llm032025-supply-chain/)');
    expect(page).toContain('[ATLAS AML.T0010](https://atlas.mitre.org/techniques/AML.T0010)');
    expect(page).toContain('](../../suppression.md)');
  });

  it('writes nested folders per domain plus an index', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-docs-'));
    expect(writeRuleDocs(dir, sampleRules)).toBe(sampleRules.length + 1);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'model', 'probe', 'runtime', 'secret']);
    const index = readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(index).toContain('| [`secret/openai-api-key`](secret/openai-api-key.md) | critical | secret | OpenAI API key |');
  });
});

describe('rule docs check', () => {
  it('passes on freshly generated docs and reports missing, changed and left-over pages', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-docs-'));
    writeRuleDocs(dir, sampleRules);
    expect(checkRuleDocs(dir, sampleRules)).toEqual([]);
    rmSync(path.join(dir, 'probe/ollama-unauthenticated.md'));
    writeFileSync(path.join(dir, 'secret/openai-api-key.md'), 'hand-edited\n');
    writeFileSync(path.join(dir, 'secret/removed-rule.md'), 'old\n');
    expect(checkRuleDocs(dir, sampleRules).sort()).toEqual([
      'changed: secret/openai-api-key.md',
      'missing: probe/ollama-unauthenticated.md',
      'no such rule: secret/removed-rule.md',
    ]);
  });
});
