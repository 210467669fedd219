/** `k8s/gpu-pod-host-path`: a GPU pod mounts a sensitive host path. */
import type { K8sProject } from '../../documents/kubernetes/index.js';
import { isObj } from '../../documents/kubernetes/parse.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { podHit, podLabel } from './pod-hits.js';

/** Host paths that give the node away: its root, runtime sockets, devices, proc/sys, kubelet, credentials. */
export const SENSITIVE_HOST_PATH = /^\/(?:|(?:var\/)?run\/(?:docker|containerd\/containerd|crio\/crio|cri-dockerd)\.sock|var\/run|run|dev|proc|sys|etc|root|home|boot|var\/lib\/(?:kubelet|docker|containerd)|var\/log)\/?$/;

export const gpuPodHostPath: PostureRule<K8sProject> = {
  meta: {
    id: 'k8s/gpu-pod-host-path',
    title: 'GPU pod mounts a sensitive host path (/, docker.sock, /dev, /proc …)',
    severity: 'high',
    category: 'misconfiguration',
    description: 'A hostPath volume of `/`, a container-runtime socket (`/var/run/docker.sock`, containerd, CRI-O), `/dev`, `/proc`, `/sys`, `/etc` or the kubelet directory hands the node to whatever runs in the pod. On GPU nodes the pods run downloaded models and user code; the GPU itself needs none of these mounts (the device plugin injects the device nodes and drivers). Critical for runtime sockets and `/`.',
    remediation: 'Remove the hostPath volume; read data from a PersistentVolumeClaim and let the device plugin provide the GPU:\n\n```yaml\nvolumes:\n  - name: data\n    persistentVolumeClaim: {claimName: training-data}\n```',
    references: { cwe: ['CWE-668', 'CWE-250'], attack: ['T1611'], owaspLlm: ['LLM03'] },
    tags: ['gpu', 'pod-security'],
    confidence: 'high',
    aliases: ['KSV023', 'AVD-KSV-0023', 'KSV006', 'AVD-KSV-0006', 'CKV_K8S_27', 'C-0048', 'C-0074'],
  },
  check(p) {
    const out: PostureHit[] = [];
    for (const pod of p.pods.filter((x) => x.gpu)) {
      const vols = Array.isArray(pod.spec.volumes) ? pod.spec.volumes : [];
      vols.forEach((v, i) => {
        if (!isObj(v) || !isObj(v.hostPath) || typeof v.hostPath.path !== 'string') return;
        const path = v.hostPath.path.replace(/\/+$/, '') || '/';
        if (!SENSITIVE_HOST_PATH.test(path === '/' ? '/' : path)) return;
        const critical = path === '/' || path.endsWith('.sock');
        out.push(podHit(pod, [...pod.at, 'volumes', i, 'hostPath', 'path'], `${podLabel(pod)}: GPU pod mounts host path ${path}${typeof v.name === 'string' ? ` (volume ${v.name})` : ''}.`, `hostPath: ${path}`, critical ? { severity: 'critical' } : {}));
      });
    }
    return out;
  },
};
