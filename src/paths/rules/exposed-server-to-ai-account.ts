import type { PathRule } from './rule.js';

export const exposedServerToAiAccount: PathRule = {
  entries: ['internet-exposure', 'vulnerable-exposed-server'],
  targets: ['ai-account', 'secret'],
  meta: {
    id: 'path/exposed-server-to-ai-account',
    title: 'Internet-exposed AI server leads to a billable AI account (LLMjacking)',
    severity: 'critical',
    category: 'exposure',
    description:
      'Code execution in an internet-exposed AI server gives the attacker the credentials the workload holds: provider API keys in its environment or Secrets, or a cloud role allowed to invoke hosted models (Bedrock, Vertex AI). Stolen AI credentials are resold and used for LLMjacking: the victim pays for the attacker\'s inference.',
    remediation:
      'Take the server off the internet or require authentication, patch what gives code execution, keep provider keys out of serving workloads (a gateway holds them), and scope the role to the models and actions it needs; set provider spending limits and alerts.',
    references: { cwe: ['CWE-306', 'CWE-522'], owaspLlm: ['LLM10', 'LLM02'], atlas: ['AML.T0049', 'AML.T0012', 'AML.T0034'], attack: ['T1190', 'T1552.001', 'T1496'], urls: ['https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/', 'https://genai.owasp.org/llmrisk/llm102025-unbounded-consumption/'] },
    tags: ['attack-path', 'llmjacking'],
    confidence: 'medium',
  },
};
