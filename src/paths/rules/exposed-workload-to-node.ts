import type { PathRule } from './rule.js';

export const exposedWorkloadToNode: PathRule = {
  entries: ['internet-exposure', 'vulnerable-exposed-server', 'unsafe-model-artifact'],
  targets: ['node'],
  meta: {
    id: 'path/exposed-workload-to-node',
    title: 'Code execution in an AI workload escapes to its node',
    severity: 'critical',
    category: 'exposure',
    description:
      'An attacker who runs code in the workload (it is exposed without authentication, runs a package with a remote-code-execution advisory, or loads a model that executes code) lands in a privileged container: host namespaces, the host filesystem or the Docker socket make that code execution on the node, with every other pod, GPU and credential on it.',
    remediation:
      'Remove the privilege (no `privileged`, host namespaces, hostPath of `/` or the Docker socket; use the device plugin for GPUs) and close the entry (authentication, no public Service, patched packages, safe model formats).',
    references: { cwe: ['CWE-250', 'CWE-306'], owaspLlm: ['LLM03'], atlas: ['AML.T0049', 'AML.T0011'], attack: ['T1611', 'T1190'], urls: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/'] },
    tags: ['attack-path', 'container-escape'],
    confidence: 'medium',
  },
};
