/** `k8s/gpu-pod-sys-admin`: a GPU container adds CAP_SYS_ADMIN. */
import type { K8sProject } from '../../documents/kubernetes/index.js';
import { isObj } from '../../documents/kubernetes/parse.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { podHit, podLabel } from './pod-hits.js';

export const gpuPodSysAdmin: PostureRule<K8sProject> = {
  meta: {
    id: 'k8s/gpu-pod-sys-admin',
    title: 'GPU container adds the SYS_ADMIN capability',
    severity: 'high',
    category: 'misconfiguration',
    description: 'CAP_SYS_ADMIN is close to root on the node: mount, namespaces, BPF, device administration. It is sometimes added for GPU profiling or MIG management; a workload container running a model or a notebook does not need it, and with it a compromise of the workload is a compromise of the node.',
    remediation: 'Drop all capabilities and add back only what the workload needs (usually none):\n\n```yaml\nsecurityContext:\n  capabilities:\n    drop: ["ALL"]\n```',
    references: { cwe: ['CWE-250'], attack: ['T1611'], owaspLlm: ['LLM03'] },
    tags: ['gpu', 'pod-security'],
    confidence: 'high',
    aliases: ['CKV_K8S_39', 'KSV005', 'AVD-KSV-0005', 'C-0046'],
  },
  check(p) {
    const out: PostureHit[] = [];
    for (const pod of p.pods.filter((x) => x.gpu)) {
      for (const c of pod.containers) {
        const caps = isObj(c.securityContext.capabilities) ? c.securityContext.capabilities : {};
        const add = Array.isArray(caps.add) ? caps.add : [];
        const i = add.findIndex((x) => typeof x === 'string' && /^(?:CAP_)?SYS_ADMIN$|^ALL$/i.test(x));
        if (i >= 0) out.push(podHit(pod, [...c.at, 'securityContext', 'capabilities', 'add', i], `${podLabel(pod, c)}: GPU container adds ${String(add[i] as string)}.`, `capabilities.add: ${String(add[i] as string)}`));
      }
    }
    return out;
  },
};
