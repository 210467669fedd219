/** `k8s/gpu-pod-privilege-escalation`: a GPU container explicitly allows privilege escalation. */
import type { K8sProject } from '../../documents/kubernetes/index.js';
import type { PostureRule } from '../rule.js';
import { podHit, podLabel } from './pod-hits.js';

export const gpuPodPrivilegeEscalation: PostureRule<K8sProject> = {
  meta: {
    id: 'k8s/gpu-pod-privilege-escalation',
    title: 'GPU container allows privilege escalation',
    severity: 'medium',
    category: 'misconfiguration',
    description: '`allowPrivilegeEscalation: true` lets a process gain more privileges than its parent (setuid binaries, file capabilities). Combined with the root user most ML images run as, an exploited model server or notebook gets the most out of any kernel or driver bug on the GPU node. Only an explicit `true` is reported (the unset default is reported by general-purpose scanners).',
    remediation: '```yaml\nsecurityContext:\n  allowPrivilegeEscalation: false\n```',
    references: { cwe: ['CWE-250'], attack: ['T1548'], owaspLlm: ['LLM03'] },
    tags: ['gpu', 'pod-security'],
    confidence: 'high',
    aliases: ['CKV_K8S_20', 'KSV001', 'AVD-KSV-0001', 'C-0016'],
  },
  check: (p) => p.pods.filter((pod) => pod.gpu).flatMap((pod) => pod.containers.filter((c) => c.securityContext.allowPrivilegeEscalation === true).map((c) =>
    podHit(pod, [...c.at, 'securityContext', 'allowPrivilegeEscalation'], `${podLabel(pod, c)}: GPU container sets allowPrivilegeEscalation: true.`, 'allowPrivilegeEscalation: true'))),
};
