/** `compose/privileged`: an AI service (or any service with a GPU) runs privileged. */
import type { ComposeProject } from '../../documents/compose/index.js';
import type { PostureHit, PostureRule } from '../rule.js';

export const composePrivileged: PostureRule<ComposeProject> = {
  meta: {
    id: 'compose/privileged',
    title: 'Compose service runs privileged',
    severity: 'high',
    category: 'misconfiguration',
    description: '`privileged: true` gives the container every capability and every host device: whatever runs in it (a model server parsing untrusted input, a notebook, a downloaded model) is root on the host. GPUs are reserved with `deploy.resources.reservations.devices` or `gpus:`, never with privileged mode.',
    remediation: 'Remove `privileged: true` and reserve the GPU explicitly:\n\n```yaml\ndeploy:\n  resources:\n    reservations:\n      devices:\n        - driver: nvidia\n          count: 1\n          capabilities: [gpu]\n```',
    references: { cwe: ['CWE-250'], attack: ['T1611'], owaspLlm: ['LLM03'] },
    tags: ['compose', 'container-security'],
    confidence: 'high',
  },
  check(p): PostureHit[] {
    return p.runs.filter((r) => r.service.value.privileged === true).map((r) => ({
      path: r.path, line: r.service.lineOf('privileged'), message: `${r.label} runs privileged${r.gpu ? ' (GPU service)' : ''}.`, evidence: 'privileged: true',
      assetId: r.assetId, key: `${r.key}/privileged`,
    }));
  },
};
