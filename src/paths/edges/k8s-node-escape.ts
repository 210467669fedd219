/**
 * Edge kind: a pod that escapes to its node ─runs-on→ the node, read from the manifest for pods that
 * no posture check covers (the `k8s/gpu-pod-*` checks cover GPU pods, and their findings give those
 * pods the same edge in ./privileged-node.ts). A privileged container, the SYS_ADMIN capability, the
 * host's PID namespace, or a hostPath of the node's root, a container-runtime socket, /proc, /dev, /etc
 * or the kubelet directory hands the node to whatever runs in the pod. The node is a virtual asset
 * (`node:<workload id>`) located at the field that gives it away, so the path step names a file and line.
 */
import type { Asset } from '../../core/model.js';
import type { K8sProject, PodView } from '../../documents/kubernetes/index.js';
import { isObj } from '../../documents/kubernetes/parse.js';
import type { YamlPath } from '../../documents/yaml.js';
import { SENSITIVE_HOST_PATH } from '../../posture/kubernetes/gpu-pod-host-path.js';

/** Sensitive to read, but no hold on the node: log collectors and home directories mount these. */
const READ_ONLY_EXPOSURE = /^\/(?:var\/log|home|boot)$/;

interface Escape {
  field: YamlPath;
  reason: string;
}

export function k8sNodeEscapeEdges(project: K8sProject): Asset[] {
  const out: Asset[] = [];
  const seen = new Set<string>();
  for (const pod of project.pods) {
    if (pod.gpu) continue; // covered by the GPU posture findings (privileged-node.ts)
    const esc = escapeOf(pod);
    const o = pod.object;
    const id = `k8s:${o.namespace}/${o.kind}/${o.name}`;
    if (!esc || seen.has(id)) continue;
    seen.add(id);
    const location = { path: o.path, startLine: pod.lineOf(esc.field) };
    out.push({ id, kind: 'workload', name: `${o.kind}/${o.name}`, locations: [{ path: o.path, startLine: o.line }], properties: {}, relations: [{ type: 'runs-on', target: `node:${id}` }], confidence: 0 });
    out.push({ id: `node:${id}`, kind: 'workload', name: 'node (host)', locations: [location], properties: { escape: esc.reason }, relations: [], confidence: 0 });
  }
  return out;
}

/** The first field (in a fixed order) that gives the node away, if any. */
function escapeOf(pod: PodView): Escape | undefined {
  for (const c of pod.containers) {
    if (c.securityContext.privileged === true) return { field: [...c.at, 'securityContext', 'privileged'], reason: `container ${c.name} is privileged` };
    const caps = isObj(c.securityContext.capabilities) ? c.securityContext.capabilities : {};
    const add = Array.isArray(caps.add) ? caps.add : [];
    const i = add.findIndex((x) => typeof x === 'string' && /^(?:CAP_)?SYS_ADMIN$|^ALL$/i.test(x));
    if (i >= 0) return { field: [...c.at, 'securityContext', 'capabilities', 'add', i], reason: `container ${c.name} adds ${String(add[i])}` };
  }
  if (pod.spec.hostPID === true) return { field: [...pod.at, 'hostPID'], reason: 'the pod shares the host PID namespace' };
  const vols = Array.isArray(pod.spec.volumes) ? pod.spec.volumes : [];
  for (let i = 0; i < vols.length; i++) {
    const v: unknown = vols[i];
    if (!isObj(v) || !isObj(v.hostPath) || typeof v.hostPath.path !== 'string') continue;
    const path = v.hostPath.path.replace(/\/+$/, '') || '/';
    if (SENSITIVE_HOST_PATH.test(path) && !READ_ONLY_EXPOSURE.test(path)) return { field: [...pod.at, 'volumes', i, 'hostPath', 'path'], reason: `the pod mounts host path ${path}` };
  }
  return undefined;
}
