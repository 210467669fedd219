/** `k8s/gpu-pod-privileged`: a GPU container runs privileged. */
import type { K8sProject } from '../../documents/kubernetes/index.js';
import type { PostureRule } from '../rule.js';
import { podHit, podLabel } from './pod-hits.js';

export const gpuPodPrivileged: PostureRule<K8sProject> = {
  meta: {
    id: 'k8s/gpu-pod-privileged',
    title: 'GPU container runs privileged',
    severity: 'high',
    category: 'misconfiguration',
    description: 'A privileged container has every capability and every host device. GPU workloads run third-party images, models and (for notebooks and training jobs) user code on expensive shared nodes; privileged, any of them is root on the node, with the other tenants\' GPUs, data and tokens. The NVIDIA device plugin gives a container its GPU without `privileged`.',
    remediation: 'Request the GPU as a resource and drop privileged mode:\n\n```yaml\nresources:\n  limits:\n    nvidia.com/gpu: 1\nsecurityContext:\n  privileged: false\n  allowPrivilegeEscalation: false\n```',
    references: { cwe: ['CWE-250'], attack: ['T1611'], owaspLlm: ['LLM03'] },
    tags: ['gpu', 'pod-security'],
    confidence: 'high',
    aliases: ['CKV_K8S_16', 'KSV017', 'AVD-KSV-0017', 'C-0057'],
  },
  check: (p) => p.pods.filter((pod) => pod.gpu).flatMap((pod) => pod.containers.filter((c) => c.securityContext.privileged === true).map((c) =>
    podHit(pod, [...c.at, 'securityContext', 'privileged'], `${podLabel(pod, c)}: GPU container runs privileged.`, 'privileged: true'))),
};
