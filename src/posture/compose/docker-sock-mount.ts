/** `compose/docker-sock-mount`: a service mounts the Docker (or containerd) socket. */
import type { ComposeProject } from '../../documents/compose/index.js';
import { isObj } from '../../documents/kubernetes/parse.js';
import type { PostureHit, PostureRule } from '../rule.js';

const SOCKET = /^\/(?:var\/)?run\/(?:docker|containerd\/containerd|podman\/podman)\.sock$/;

export const composeDockerSockMount: PostureRule<ComposeProject> = {
  meta: {
    id: 'compose/docker-sock-mount',
    title: 'Compose service mounts the container-runtime socket',
    severity: 'critical',
    category: 'misconfiguration',
    description: 'The Docker socket is root on the host: a container that can talk to it starts a privileged container with the host filesystem mounted. AI tooling mounts it for code-execution sandboxes, agents that "run containers" and model launchers; a prompt injection or an exploited server then owns the host.',
    remediation: 'Remove the socket mount; give the service a narrowly scoped API instead (a socket proxy that allows only the calls it needs, or rootless/sandboxed execution).',
    references: { cwe: ['CWE-250', 'CWE-668'], attack: ['T1611'], owaspLlm: ['LLM06'] },
    tags: ['compose', 'container-security'],
    confidence: 'high',
  },
  check(p): PostureHit[] {
    const out: PostureHit[] = [];
    for (const r of p.runs) {
      const vols = Array.isArray(r.service.value.volumes) ? r.service.value.volumes : [];
      vols.forEach((v, i) => {
        const src = typeof v === 'string' ? v.split(':')[0] : isObj(v) && typeof v.source === 'string' ? v.source : undefined;
        if (!src || !SOCKET.test(src)) return;
        out.push({ path: r.path, line: r.service.lineOf('volumes', i), message: `${r.label} mounts ${src}.`, evidence: typeof v === 'string' ? v : src, assetId: r.assetId, key: `${r.key}/volumes/${src}` });
      });
    }
    return out;
  },
};
