/**
 * Edge kind: Kubernetes service account declared in Terraform ─assumes→ cloud identity. Clusters
 * managed with the Terraform Kubernetes provider declare the IRSA / workload-identity annotation there
 * (`kubernetes_service_account` with `annotations = { "eks.amazonaws.com/role-arn" = aws_iam_role.x.arn }`),
 * while the pods that use it are plain manifests. The account keeps the id manifests use
 * (`k8s:<ns>/ServiceAccount/<name>`), so ./k8s-identity.ts joins the pods to it.
 */
import type { Asset } from '../../core/model.js';
import { nested } from '../../documents/terraform/blocks.js';
import type { TfModule } from '../../documents/terraform/index.js';
import { resolveIdentity, type IdentityIndex } from './identity-index.js';

const KEYS = ['eks.amazonaws.com/role-arn', 'iam.gke.io/gcp-service-account', 'azure.workload.identity/client-id'];
const IDENTITY = new Set(['aws_iam_role', 'google_service_account', 'azurerm_user_assigned_identity']);

export function tfServiceAccounts(mod: TfModule, index: IdentityIndex): Asset[] {
  const out: Asset[] = [];
  for (const r of mod.ofType('kubernetes_service_account', 'kubernetes_service_account_v1')) {
    const meta = nested(r.block, 'metadata')[0];
    if (!meta) continue;
    const name = mod.value(meta.attributes.name);
    const ns = mod.value(meta.attributes.namespace) ?? 'default';
    if (typeof name !== 'string' || typeof ns !== 'string' || name.includes('${') || ns.includes('${')) continue;
    const ann = meta.attributes.annotations;
    if (!ann) continue;
    const sa: Asset = { id: `k8s:${ns}/ServiceAccount/${name}`, kind: 'cloud-resource', name: `ServiceAccount/${name}`, locations: [{ path: r.path, startLine: r.block.line }], properties: { platform: 'kubernetes', resourceType: 'k8s-service-account', namespace: ns, declaredIn: r.address }, relations: [] };
    // A reference to an identity of the module (`aws_iam_role.x.arn`) resolves directly.
    for (const address of mod.references(ann)) {
      const target = mod.get(address);
      if (target && IDENTITY.has(target.type)) sa.relations.push({ type: 'assumes', target: target.assetId });
    }
    const value = mod.value(ann);
    if (!sa.relations.length && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const key of KEYS) {
        const v = (value as Record<string, unknown>)[key];
        if (typeof v !== 'string' || v.includes('${')) continue;
        const id = resolveIdentity(index, v, { path: r.path, line: ann.line }, key.startsWith('azure') ? 'azure' : undefined);
        if (!id) continue;
        sa.relations.push({ type: 'assumes', target: id.id });
        if (id.stub) out.push(id.stub);
      }
    }
    if (sa.relations.length) out.push(sa);
  }
  return out;
}
