/** `k8s/gpu-pod-runs-as-root`: a GPU container runs as UID 0 (explicitly, or with runAsNonRoot: false). */
import type { K8sProject } from '../../documents/kubernetes/index.js';
import { isObj } from '../../documents/kubernetes/parse.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { podHit, podLabel } from './pod-hits.js';

export const gpuPodRunsAsRoot: PostureRule<K8sProject> = {
  meta: {
    id: 'k8s/gpu-pod-runs-as-root',
    title: 'GPU container runs as root',
    severity: 'medium',
    category: 'misconfiguration',
    description: 'A GPU container that runs as UID 0 turns every container-escape bug in the GPU stack into root on the node: NVIDIAScape (CVE-2025-23266) and CVE-2024-0132 were both escapes from GPU containers. Reported when the container or pod says `runAsUser: 0` or `runAsNonRoot: false` (a container that inherits a non-root pod setting is not reported).',
    remediation: '```yaml\nsecurityContext:\n  runAsNonRoot: true\n  runAsUser: 1000\n```',
    references: { cwe: ['CWE-250'], cve: ['CVE-2025-23266', 'CVE-2024-0132'], attack: ['T1611'], owaspLlm: ['LLM03'] },
    tags: ['gpu', 'pod-security'],
    confidence: 'high',
    aliases: ['CKV_K8S_23', 'KSV012', 'AVD-KSV-0012', 'C-0013'],
  },
  check(p) {
    const out: PostureHit[] = [];
    for (const pod of p.pods.filter((x) => x.gpu)) {
      const podSc = isObj(pod.spec.securityContext) ? pod.spec.securityContext : {};
      for (const c of pod.containers) {
        const sc = c.securityContext;
        const user = sc.runAsUser ?? podSc.runAsUser;
        const nonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
        const field = sc.runAsUser === 0 ? [...c.at, 'securityContext', 'runAsUser'] : sc.runAsNonRoot === false ? [...c.at, 'securityContext', 'runAsNonRoot'] : podSc.runAsUser === 0 && sc.runAsUser === undefined ? [...pod.at, 'securityContext', 'runAsUser'] : podSc.runAsNonRoot === false && sc.runAsNonRoot === undefined ? [...pod.at, 'securityContext', 'runAsNonRoot'] : undefined;
        if (!field || (user !== 0 && nonRoot !== false) || (typeof user === 'number' && user > 0)) continue;
        out.push(podHit(pod, field, `${podLabel(pod, c)}: GPU container runs as root (${user === 0 ? 'runAsUser: 0' : 'runAsNonRoot: false'}).`, user === 0 ? 'runAsUser: 0' : 'runAsNonRoot: false', { key: `${pod.object.ref}/${c.at.join('.')}/root` }));
      }
    }
    return out;
  },
};
