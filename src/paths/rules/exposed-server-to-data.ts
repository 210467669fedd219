import type { PathRule } from './rule.js';

export const exposedServerToData: PathRule = {
  entries: ['internet-exposure', 'vulnerable-exposed-server'],
  targets: ['training-data', 'model-store'],
  meta: {
    id: 'path/exposed-server-to-data',
    title: 'Internet-exposed AI server leads to training data or model store',
    severity: 'critical',
    category: 'exposure',
    description:
      'An AI server reachable from the internet lets an attacker run code in it (no authentication on a Ray, Jupyter, TorchServe or similar control plane, or a package with a remote-code-execution advisory). The workload holds cloud credentials (an IRSA role, a GKE workload identity, a Terraform-attached role) whose policy reaches a bucket or registry of training data or models: the attacker can read, poison or replace them. Each step of the path names the finding that makes it possible.',
    remediation:
      'Break the path at its cheapest step: put the server behind authentication or take it off the internet (ClusterIP, no LoadBalancer/Ingress), patch the vulnerable package, and give the workload a role scoped to what it needs (no data-bucket access for a serving pod; separate service accounts per workload).',
    references: { cwe: ['CWE-306', 'CWE-269'], owaspLlm: ['LLM03', 'LLM04'], atlas: ['AML.T0049', 'AML.T0012', 'AML.T0020', 'AML.T0035'], attack: ['T1190', 'T1078.004', 'T1530'], urls: ['https://atlas.mitre.org/techniques/AML.T0049', 'https://genai.owasp.org/llmrisk/llm042025-data-and-model-poisoning/'] },
    tags: ['attack-path', 'exposure'],
    confidence: 'medium',
  },
};
