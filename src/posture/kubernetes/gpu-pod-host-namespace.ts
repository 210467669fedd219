/** `k8s/gpu-pod-host-namespace`: a GPU pod shares the node's network, PID or IPC namespace. */
import type { K8sProject } from '../../documents/kubernetes/index.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { podHit, podLabel } from './pod-hits.js';

export const gpuPodHostNamespace: PostureRule<K8sProject> = {
  meta: {
    id: 'k8s/gpu-pod-host-namespace',
    title: 'GPU pod uses the host network, PID or IPC namespace',
    severity: 'high',
    category: 'misconfiguration',
    description: '`hostNetwork` puts every port the model server or notebook opens on the node\'s interfaces (and lets it reach node-local services such as the kubelet and cloud metadata), `hostPID` lets it see and signal every process on the node, `hostIPC` shares the node\'s shared memory. Distributed training often sets `hostIPC` for NCCL shared memory; an `emptyDir` with `medium: Memory` mounted at `/dev/shm` does the same without the host namespace.',
    remediation: 'Drop the host namespaces; for NCCL/PyTorch shared memory mount a memory-backed emptyDir:\n\n```yaml\nhostNetwork: false\nhostPID: false\nhostIPC: false\nvolumes:\n  - name: dshm\n    emptyDir: {medium: Memory}\n```',
    references: { cwe: ['CWE-668'], attack: ['T1611'], owaspLlm: ['LLM03'] },
    tags: ['gpu', 'pod-security'],
    confidence: 'high',
    aliases: ['CKV_K8S_17', 'CKV_K8S_18', 'CKV_K8S_19', 'KSV008', 'AVD-KSV-0008', 'KSV009', 'AVD-KSV-0009', 'KSV010', 'AVD-KSV-0010', 'C-0038', 'C-0041'],
  },
  check(p) {
    const out: PostureHit[] = [];
    for (const pod of p.pods.filter((x) => x.gpu)) {
      for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
        if (pod.spec[field] === true) out.push(podHit(pod, [...pod.at, field], `${podLabel(pod)}: GPU pod sets ${field}: true.`, `${field}: true`));
      }
    }
    return out;
  },
};
