import type { PathRule } from './rule.js';

export const untrustedCiToCredentials: PathRule = {
  entries: ['untrusted-ci-trigger'],
  targets: ['ai-account', 'secret'],
  meta: {
    id: 'path/untrusted-ci-to-credentials',
    title: 'Untrusted CI trigger leads to AI provider credentials',
    severity: 'high',
    category: 'misconfiguration',
    description:
      'A workflow that outsiders can trigger runs their code or text in a job that holds repository secrets for AI providers (or a role allowed to invoke hosted models). The attacker exfiltrates the key and bills the account (LLMjacking), or uses it to reach what the key opens.',
    remediation:
      'Keep secrets out of jobs triggered by untrusted events: split the workflow (`pull_request` builds without secrets; a trusted `workflow_run` consumes artifacts), gate on maintainers, use environments with required reviewers for secrets, and rotate keys that were exposed.',
    references: { cwe: ['CWE-829', 'CWE-522'], owaspLlm: ['LLM10', 'LLM02'], atlas: ['AML.T0012'], attack: ['T1552.001', 'T1496'], urls: ['https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/'] },
    tags: ['attack-path', 'ci', 'llmjacking'],
    confidence: 'medium',
  },
};
