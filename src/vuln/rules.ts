/** Rule metadata of the vulnerability enricher. Advisory rules are generated from the records. */
import type { RuleMeta } from '../core/model.js';
import type { AdvisoryRecord } from './record.js';

export const UNPINNED_AI_PACKAGE: RuleMeta = {
  id: 'vuln/unpinned-ai-package',
  title: 'AI package with an open version range that allows a critically vulnerable release',
  severity: 'low',
  category: 'vulnerability',
  description:
    'The requirement names a range, not one version, and some release inside that range is affected by a critical advisory. ' +
    'Which version gets installed depends on the day and the index, so a build can silently pick the vulnerable one. ' +
    'Lock the dependency (lockfile or `==` pin) so that scans and builds see the exact version.',
  remediation: 'Pin the package to a fixed release (`==X.Y.Z`, an exact npm version, or a lockfile) and raise the lower bound above the affected versions.',
  references: { owaspLlm: ['LLM03'], atlas: ['AML.T0010'], cwe: ['CWE-1104'] },
  tags: ['supply-chain', 'dependencies'],
  confidence: 'medium',
};

/** Rule metadata for one advisory (SARIF `tool.driver.rules`, `aigis rules`). */
export function advisoryRule(record: AdvisoryRecord): RuleMeta {
  const ids = [record.id, ...record.aliases];
  return {
    id: `vuln/${record.id}`,
    title: record.malicious ? `Malicious package release (${record.id})` : (record.summary ?? `Vulnerable package (${record.id})`),
    severity: record.severity ?? 'medium',
    category: 'vulnerability',
    description: record.summary ?? `Advisory ${record.id}.`,
    remediation: 'Upgrade to a fixed release, or isolate / replace the package when there is none.',
    references: {
      cve: ids.filter((i) => i.startsWith('CVE-')),
      ghsa: ids.filter((i) => i.startsWith('GHSA-')),
      cwe: record.cwe,
      owaspLlm: ['LLM03'],
      atlas: ['AML.T0010'],
      urls: [`https://osv.dev/vulnerability/${record.id}`],
    },
    tags: ['supply-chain', 'dependencies', ...(record.malicious ? ['malicious'] : [])],
    confidence: 'high',
    aliases: record.aliases,
  };
}
