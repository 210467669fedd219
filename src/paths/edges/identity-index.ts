/**
 * Cloud identities declared in Terraform, by the names other documents use for them: an IRSA
 * annotation or a GitHub OIDC step names an AWS role by ARN, a GKE annotation names a Google service
 * account by e-mail. Resolving the name to the Terraform resource joins the Kubernetes or CI side of
 * a path to the policies Terraform attaches to that identity. Unresolved names become stub assets
 * (`cloud-identity:<cloud>/<name>`), so the path still shows the hop.
 */
import type { Asset } from '../../core/model.js';
import { cfnAssetId } from '../../documents/cloudformation/asset-id.js';
import type { CfnTemplate } from '../../documents/cloudformation/index.js';
import type { TfModule } from '../../documents/terraform/index.js';

export interface IdentityIndex {
  /** `aws/<role name>`, `gcp/<account id>`, `azure/<client id or name>` → Terraform asset id. */
  byName: Map<string, string>;
  /**
   * `<namespace>/<service account>` → the Terraform identity federated to it: an Azure federated
   * identity credential (`subject = "system:serviceaccount:ns:sa"`) or a GKE workload-identity binding
   * (`member = "serviceAccount:<project>.svc.id.goog[ns/sa]"`). Joins a service account whose
   * annotation holds a value Terraform computes (an Azure client id) to its identity.
   */
  bySubject: Map<string, string>;
}

export function identityIndex(modules: TfModule[], templates: readonly CfnTemplate[] = []): IdentityIndex {
  const byName = new Map<string, string>();
  const bySubject = new Map<string, string>();
  // CloudFormation roles with a static RoleName (after Terraform's: the first declaration wins).
  const cfnRoles = templates.flatMap((t) => t.resources.filter((r) => r.type === 'AWS::IAM::Role' && typeof r.properties.RoleName === 'string').map((r) => [`aws/${r.properties.RoleName as string}`, cfnAssetId(t, r.logicalId)] as const));
  for (const mod of modules) {
    for (const r of mod.resources) {
      if (r.mode !== 'resource') continue;
      const key = (attr: string) => {
        const v = mod.value(r.block.attributes[attr]);
        return typeof v === 'string' && !v.includes('${') ? v : undefined;
      };
      let name: string | undefined;
      if (r.type === 'aws_iam_role') name = key('name') && `aws/${key('name')}`;
      else if (r.type === 'google_service_account') name = key('account_id') && `gcp/${key('account_id')}`;
      else if (r.type === 'azurerm_user_assigned_identity') name = key('name') && `azure/${key('name')}`;
      if (name && !byName.has(name)) byName.set(name, r.assetId);
      for (const subject of federatedSubjects(mod, r)) {
        const parent = mod.references(r.block.attributes[r.type === 'azurerm_federated_identity_credential' ? 'parent_id' : 'service_account_id']).map((a) => mod.get(a)).find((x) => x?.type === 'azurerm_user_assigned_identity' || x?.type === 'google_service_account');
        if (parent && !bySubject.has(subject)) bySubject.set(subject, parent.assetId);
      }
    }
  }
  for (const [name, id] of cfnRoles) if (!byName.has(name)) byName.set(name, id);
  return { byName, bySubject };
}

/** The `<namespace>/<service account>` subjects a federation resource names (none for other resources). */
function federatedSubjects(mod: TfModule, r: TfModule['resources'][number]): string[] {
  const str = (attr: string): string[] => {
    const v = mod.value(r.block.attributes[attr]);
    return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
  };
  if (r.type === 'azurerm_federated_identity_credential') {
    return str('subject').flatMap((s) => { const m = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(s); return m ? [`${m[1]}/${m[2]}`] : []; });
  }
  if (r.type === 'google_service_account_iam_member' || r.type === 'google_service_account_iam_binding') {
    if (!str('role').includes('roles/iam.workloadIdentityUser')) return [];
    return [...str('member'), ...str('members')].flatMap((s) => { const m = /^serviceAccount:[^[]+\.svc\.id\.goog\[([^/\]]+)\/([^\]]+)\]$/.exec(s); return m ? [`${m[1]}/${m[2]}`] : []; });
  }
  return [];
}

/** The index key of an identity reference: an AWS role ARN, a GCP service-account e-mail, an Azure identity name. */
export function identityKey(ref: string, hint?: 'azure'): string | undefined {
  const v = ref.trim();
  const aws = /^arn:aws[\w-]*:iam::[^:]*:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/.exec(v);
  if (aws) return `aws/${aws[1]}`;
  const gcp = /^([a-z][a-z0-9-]{4,28}[a-z0-9])@[a-z0-9-]+\.iam\.gserviceaccount\.com$/.exec(v);
  if (gcp) return `gcp/${gcp[1]}`;
  if (hint === 'azure' && /^[\w.-]{1,128}$/.test(v)) return `azure/${v}`;
  return undefined;
}

/** The asset id a reference resolves to, and a stub asset when Terraform does not declare it. */
export function resolveIdentity(index: IdentityIndex, ref: string, loc: { path: string; line: number }, hint?: 'azure'): { id: string; stub?: Asset } | undefined {
  const key = identityKey(ref, hint);
  if (!key) return undefined;
  const found = index.byName.get(key);
  if (found) return { id: found };
  const id = `cloud-identity:${key}`;
  return {
    id,
    stub: { id, kind: 'cloud-resource', name: key.slice(key.indexOf('/') + 1), locations: [{ path: loc.path, startLine: loc.line }], properties: { cloud: key.slice(0, key.indexOf('/')), resourceType: 'identity', reference: ref }, relations: [] },
  };
}
