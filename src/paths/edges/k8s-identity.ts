/**
 * Edge kind: workload ─assumes→ Kubernetes service account ─assumes→ cloud identity.
 * A pod runs as its `serviceAccountName` (else `default`); a service account annotated for IRSA
 * (`eks.amazonaws.com/role-arn`), GKE workload identity (`iam.gke.io/gcp-service-account`) or Azure
 * workload identity (`azure.workload.identity/client-id`) hands every pod that uses it that cloud
 * identity's credentials. Only annotated service accounts make an edge: the cluster-internal token of
 * a plain service account is a different hop (see k8s/sa-token-automount).
 */
import type { Asset } from '../../core/model.js';
import type { K8sProject } from '../../documents/kubernetes/index.js';
import { isObj } from '../../documents/kubernetes/parse.js';
import { resolveIdentity, type IdentityIndex } from './identity-index.js';
import { pushUnique, workloadStub } from './workload.js';

const ANNOTATIONS: { key: string; hint?: 'azure' }[] = [
  { key: 'eks.amazonaws.com/role-arn' },
  { key: 'iam.gke.io/gcp-service-account' },
  { key: 'azure.workload.identity/client-id', hint: 'azure' },
];

export function k8sIdentityEdges(project: K8sProject, index: IdentityIndex, declared: readonly Asset[] = []): Asset[] {
  const out = new Map<string, Asset>();
  const accounts = new Map<string, Asset>();
  // Service accounts declared elsewhere (Terraform's Kubernetes provider, ./tf-service-account.ts).
  for (const a of declared) if (a.properties.resourceType === 'k8s-service-account') accounts.set(`${String(a.properties.namespace)}/${a.name.replace(/^ServiceAccount\//, '')}`, a);
  for (const o of project.objects) {
    if (o.kind !== 'ServiceAccount') continue;
    const meta = isObj(o.value.metadata) ? o.value.metadata : {};
    const ann = isObj(meta.annotations) ? meta.annotations : {};
    const sa: Asset = { id: `k8s:${o.namespace}/ServiceAccount/${o.name}`, kind: 'cloud-resource', name: `ServiceAccount/${o.name}`, locations: [{ path: o.path, startLine: o.line }], properties: { platform: 'kubernetes', resourceType: 'k8s-service-account', namespace: o.namespace }, relations: [] };
    for (const { key, hint } of ANNOTATIONS) {
      const v = ann[key];
      if (typeof v !== 'string') continue;
      const line = o.doc.lineOf([...o.base, 'metadata', 'annotations', key]);
      let id = resolveIdentity(index, v, { path: o.path, line }, hint);
      // Not declared under that name: the identity federated to this service account, if Terraform has one.
      const federated = index.bySubject.get(`${o.namespace}/${o.name}`);
      if ((!id || id.stub) && federated) id = { id: federated };
      if (!id) continue;
      pushUnique(sa.relations, { type: 'assumes', target: id.id });
      sa.properties.cloudIdentity = v;
      if (id.stub) out.set(id.id, id.stub);
    }
    if (sa.relations.length) accounts.set(`${o.namespace}/${o.name}`, sa);
  }
  if (!accounts.size) return [...out.values()];
  for (const pod of project.pods) {
    const o = pod.object;
    const name = typeof pod.spec.serviceAccountName === 'string' ? pod.spec.serviceAccountName : typeof pod.spec.serviceAccount === 'string' ? pod.spec.serviceAccount : 'default';
    const sa = accounts.get(`${o.namespace}/${name}`);
    if (!sa) continue;
    const id = `k8s:${o.namespace}/${o.kind}/${o.name}`;
    const w = out.get(id) ?? workloadStub({ assetId: id, path: o.path, line: o.line, label: '' }, `${o.kind}/${o.name}`, { serviceAccount: name });
    pushUnique(w.relations, { type: 'assumes', target: sa.id });
    out.set(id, w);
    if (!declared.includes(sa)) out.set(sa.id, sa); // declared ones are reported by their own edge module
  }
  return [...out.values()];
}
