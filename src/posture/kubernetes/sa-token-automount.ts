/** `k8s/sa-token-automount`: notebooks and model servers get a service-account token they rarely need. */
import type { K8sProject, PodView } from '../../documents/kubernetes/index.js';
import { isObj } from '../../documents/kubernetes/parse.js';
import { serversOf } from '../ai-servers/catalog.js';
import type { PostureHit, PostureRule } from '../rule.js';
import { podAsset, podLabel } from './pod-hits.js';

export const saTokenAutomount: PostureRule<K8sProject> = {
  meta: {
    id: 'k8s/sa-token-automount',
    title: 'Service-account token mounted into a notebook or model server',
    severity: 'medium',
    category: 'misconfiguration',
    description: 'Kubernetes mounts a token for the pod\'s service account unless `automountServiceAccountToken: false` is set on the pod or its ServiceAccount. Notebooks run arbitrary user code and model servers parse untrusted requests and models; a token in them turns a compromise into Kubernetes API access (Kubeflow and Ray service accounts often hold broad RBAC). High when the workload is exposed.',
    remediation: 'Disable the token where the workload does not call the Kubernetes API:\n\n```yaml\nspec:\n  automountServiceAccountToken: false\n```\n(or on the ServiceAccount the pod uses).',
    references: { cwe: ['CWE-522', 'CWE-250'], attack: ['T1528'], owaspLlm: ['LLM06'] },
    tags: ['service-account', 'notebook', 'model-server'],
    confidence: 'medium',
    aliases: ['CKV_K8S_38', 'KSV036', 'AVD-KSV-0036', 'C-0034'],
  },
  check(p) {
    const accounts = new Map<string, boolean>();
    for (const o of p.objects) if (o.kind === 'ServiceAccount' && typeof o.value.automountServiceAccountToken === 'boolean') accounts.set(`${o.namespace}/${o.name}`, o.value.automountServiceAccountToken);
    const out: PostureHit[] = [];
    const seen = new Set<PodView>();
    for (const run of p.runs) {
      const pod = run.pod;
      if (seen.has(pod)) continue;
      const aiServer = pod.role !== 'ray-worker' && (pod.role === 'notebook' || pod.role === 'model-server' || pod.role === 'ray-head' || serversOf(run).length > 0);
      if (!aiServer) continue;
      seen.add(pod);
      if (pod.spec.automountServiceAccountToken === false) continue;
      const sa = typeof pod.spec.serviceAccountName === 'string' ? pod.spec.serviceAccountName : 'default';
      if (pod.spec.automountServiceAccountToken !== true && accounts.get(`${pod.object.namespace}/${sa}`) === false) continue;
      const exposed = p.runs.some((r) => r.pod === pod && r.exposure.length > 0);
      const explicit = pod.spec.automountServiceAccountToken === true;
      out.push({
        path: pod.object.path, line: explicit ? pod.lineOf([...pod.at, 'automountServiceAccountToken']) : isObj(pod.spec) ? pod.lineOf(pod.at) : pod.object.line,
        message: `${podLabel(pod)}: the ${pod.role ?? 'AI server'} pod gets a token for service account ${sa} (${explicit ? 'automountServiceAccountToken: true' : 'automountServiceAccountToken not set: Kubernetes mounts it'})${exposed ? ' and is exposed' : ''}.`,
        evidence: explicit ? 'automountServiceAccountToken: true' : 'automountServiceAccountToken not set',
        assetId: podAsset(pod), key: `${pod.object.ref}/${pod.at.join('.')}/sa-token`, severity: exposed ? 'high' : undefined,
      });
    }
    return out;
  },
};
