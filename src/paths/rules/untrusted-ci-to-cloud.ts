import type { PathRule } from './rule.js';

export const untrustedCiToCloud: PathRule = {
  entries: ['untrusted-ci-trigger'],
  targets: ['model-store', 'training-data', 'model-publishing-ci', 'node'],
  meta: {
    id: 'path/untrusted-ci-to-model-store',
    title: 'Untrusted CI trigger leads to a model store or training data through a cloud role',
    severity: 'critical',
    category: 'misconfiguration',
    description:
      'A workflow that outsiders can trigger (`pull_request_target`, `issue_comment`, `issues`, `workflow_run`) runs their code or their text in a job (a fork checkout, an injected expression, an AI agent fed the issue) that assumes a cloud role through OIDC. The role\'s policy reaches a model registry or training-data bucket: a fork can publish a poisoned model or read the data.',
    remediation:
      'Do not run untrusted code in jobs that hold cloud roles: use `pull_request` (no secrets, read-only token) for fork builds, pass untrusted text through environment variables, and restrict the OIDC trust policy to protected branches or environments (`sub` claim); give the deploy role only the registry it publishes to.',
    references: { cwe: ['CWE-829', 'CWE-94', 'CWE-269'], owaspLlm: ['LLM03', 'LLM04'], atlas: ['AML.T0010', 'AML.T0018'], attack: ['T1195.002', 'T1078.004'], urls: ['https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/', 'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect'] },
    tags: ['attack-path', 'ci', 'supply-chain'],
    confidence: 'medium',
  },
};
