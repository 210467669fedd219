/**
 * A test-only analyzer (never registered in src/analyzers/index.ts): every line of a `.txt` file
 * that contains `FIXTURE-<SEVERITY>` yields one finding of rule `fixture/<severity>-marker`.
 * It lets CLI-contract tests control exactly which severities a scan reports.
 */
import type { Analyzer } from '../../src/core/analyzer.js';
import type { Finding, RuleMeta } from '../../src/core/model.js';
import { makeFinding } from '../../src/core/finding.js';
import { SEVERITIES } from '../../src/core/severity.js';

export const fixtureRules: RuleMeta[] = SEVERITIES.map((severity) => ({
  id: `fixture/${severity}-marker`,
  title: `Fixture marker (${severity})`,
  severity,
  category: 'misconfiguration',
  description: `Test-only rule: the line contains FIXTURE-${severity.toUpperCase()}.`,
  remediation: 'Remove the marker.',
  references: { cwe: ['CWE-1188'] },
}));

export const fixtureAnalyzer: Analyzer = {
  name: 'fixture',
  version: 1,
  rules: fixtureRules,
  match: (file) => file.ext === '.txt',
  async analyze(file) {
    const text = (await file.text()) ?? '';
    const findings: Finding[] = [];
    text.split('\n').forEach((line, i) => {
      for (const rule of fixtureRules) {
        if (line.includes(`FIXTURE-${rule.severity.toUpperCase()}`)) {
          findings.push(makeFinding(rule, { location: { path: file.path, startLine: i + 1 }, message: `marker ${rule.severity} on line ${i + 1}` }));
        }
      }
    });
    return { findings };
  },
};
