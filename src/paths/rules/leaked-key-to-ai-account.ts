import type { PathRule } from './rule.js';

export const leakedKeyToAiAccount: PathRule = {
  entries: ['leaked-credential'],
  targets: ['ai-account', 'model-store', 'training-data', 'secret'],
  meta: {
    id: 'path/leaked-key-to-ai-account',
    title: 'Leaked credential opens a billable AI account (LLMjacking)',
    severity: 'high',
    category: 'secret',
    description:
      'A provider credential is hard-coded in the repository or image. Anyone with read access (a fork, a leaked image, a compromised laptop) can call the provider on the owner\'s bill, read its fine-tunes and files, or — for a cloud key — invoke hosted models. Keys scraped from public code are used within minutes.',
    remediation:
      'Revoke and rotate the key at the provider now, remove it from history and images, load it at run time from a secrets manager, and set spending limits and usage alerts on the account.',
    references: { cwe: ['CWE-798'], owaspLlm: ['LLM10', 'LLM02'], atlas: ['AML.T0012'], attack: ['T1552.001', 'T1496'], urls: ['https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/', 'https://genai.owasp.org/llmrisk/llm102025-unbounded-consumption/'] },
    tags: ['attack-path', 'llmjacking', 'secret'],
    confidence: 'high',
  },
};
