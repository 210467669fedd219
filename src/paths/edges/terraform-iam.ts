/**
 * Edge kind: Terraform references between compute, identities, policies and stores, in one module.
 *   compute resource (SageMaker notebook, Lambda, Vertex workbench …) ─assumes→ identity it names
 *   identity ─grants→ policy / store          (attachments, inline policies, IAM members, role assignments)
 *   policy ─grants→ store                     (a statement naming the bucket's ARN, or `*` for its actions)
 *   policy ─grants→ llm-provider:bedrock      (bedrock:Invoke* — a billable AI account: LLMjacking)
 * Only what the module states is joined; nothing is guessed from names. Resources on an edge become
 * `cloud-resource` assets (buckets, roles, policies), so that tf/* findings about them name an asset.
 */
import type { Asset, Relation } from '../../core/model.js';
import { classifyCloudResource } from '../../catalog/ai-cloud.js';
import type { TfModule, TfResource } from '../../documents/terraform/index.js';
import { relationSink } from './relation-sink.js';
import { documentStatements, grants, policyStatements, type Statement } from '../../posture/terraform/policy.js';

const IDENTITY = new Set(['aws_iam_role', 'google_service_account', 'azurerm_user_assigned_identity']);
const POLICY = new Set(['aws_iam_policy', 'aws_iam_policy_document']);
/** Stores whose contents are the attacker's prize (data, models) and registries that publish models. */
export const STORE_TYPES = new Set([
  'aws_s3_bucket', 'google_storage_bucket', 'azurerm_storage_account', 'azurerm_storage_container',
  'aws_sagemaker_model_package_group', 'aws_ecr_repository', 'google_artifact_registry_repository', 'aws_efs_file_system',
]);
/** Resources that only bind an identity to a policy or a store (they are no hop of their own). */
const BINDING = /^(?:aws_iam_role_policy|aws_iam_role_policy_attachment|aws_iam_policy_attachment|aws_iam_instance_profile|aws_s3_bucket_policy|google_storage_bucket_iam_(?:member|binding)|google_project_iam_(?:member|binding)|azurerm_role_assignment|google_service_account_iam_(?:member|binding))$/;
const BEDROCK_ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream', 'bedrock:Converse'];
/** AWS managed policies (by ARN) and Google project roles that reach every bucket or a hosted-model account. */
const AWS_MANAGED = /^arn:aws[\w-]*:iam::aws:policy\/(AdministratorAccess|AmazonS3FullAccess|AmazonS3ReadOnlyAccess|AmazonBedrockFullAccess|PowerUserAccess)$/;
const GCP_STORAGE_ROLE = /^roles\/(?:storage\.(?:admin|objectAdmin|objectViewer|objectCreator|objectUser)|owner|editor)$/;
const GCP_AI_ROLE = /^roles\/(?:aiplatform\.\w+|owner|editor)$/;
export const BEDROCK_ID = 'llm-provider:bedrock';

export function terraformIamEdges(mod: TfModule): Asset[] {
  const out = new Map<string, Asset>();
  const node = (r: TfResource): Asset => {
    let a = out.get(r.assetId);
    if (!a) {
      const ai = classifyCloudResource(r.type, r.mode === 'data');
      const props: Record<string, unknown> = { resourceType: r.type, address: r.address, cloud: cloudOf(r.type) };
      const name = staticName(mod, r);
      if (name) props.resourceName = name;
      a = { id: r.assetId, kind: ai ? 'ai-service' : 'cloud-resource', name: r.address, locations: [{ path: r.path, startLine: r.block.line }], properties: props, relations: [] };
      out.set(r.assetId, a);
    }
    return a;
  };
  const add = relationSink();
  const link = (from: TfResource, type: Relation['type'], to: string) => add(node(from), type, to);
  const kindOf = (address: string) => mod.get(address);
  const stores = mod.resources.filter((r) => r.mode === 'resource' && STORE_TYPES.has(r.type));

  /** Stores and Bedrock a policy's statements reach. */
  const policyTargets = (stmts: Statement[], referenced: TfResource[]): string[] => {
    const targets = new Set<string>();
    for (const r of referenced) if (STORE_TYPES.has(r.type)) targets.add(r.assetId);
    let everyBucket = false;
    for (const s of stmts.slice(0, 1000)) {
      if (s.effect !== 'Allow' || s.notActions) continue;
      if (s.actions.some((a) => BEDROCK_ACTIONS.some((b) => grants(a, b)))) targets.add(BEDROCK_ID);
      // `Resource: "*"` with object actions reaches every bucket of the module.
      if (s.resources.includes('*') && s.actions.some((a) => grants(a, 's3:GetObject') || grants(a, 's3:PutObject'))) everyBucket = true;
    }
    if (everyBucket) for (const b of stores) if (b.type === 'aws_s3_bucket') targets.add(b.assetId);
    return [...targets];
  };

  for (const r of mod.resources) {
    const refs = mod.blockReferences(r.block).map(kindOf).filter((x): x is TfResource => !!x && x !== r);
    if (POLICY.has(r.type)) {
      const stmts = r.type === 'aws_iam_policy' ? policyStatements(mod, r.block.attributes.policy) : documentStatements(mod, r.block);
      for (const t of policyTargets(stmts, refs)) link(r, 'grants', t);
      continue;
    }
    if (IDENTITY.has(r.type)) {
      // Inline policies and managed policy ARNs of the role itself; not its trust policy.
      const own = Object.entries(r.block.attributes).filter(([k]) => k !== 'assume_role_policy').flatMap(([, a]) => mod.references(a));
      const nestedRefs = r.block.blocks.flatMap((b) => mod.blockReferences(b));
      const targets = [...own, ...nestedRefs].map(kindOf).filter((x): x is TfResource => !!x && x !== r);
      for (const t of targets) if (POLICY.has(t.type) || STORE_TYPES.has(t.type)) link(r, 'grants', t.assetId);
      const inline = r.block.blocks.filter((b) => b.type === 'inline_policy').flatMap((b) => policyStatements(mod, b.attributes.policy));
      for (const t of policyTargets(inline, [])) link(r, 'grants', t);
      continue;
    }
    if (BINDING.test(r.type)) {
      const ids = refs.filter((x) => IDENTITY.has(x.type));
      const profiles = refs.filter((x) => x.type === 'aws_iam_instance_profile');
      if (r.type === 'aws_iam_instance_profile') continue; // followed from the compute resource that uses it
      const stmts = r.type === 'aws_iam_role_policy' ? policyStatements(mod, r.block.attributes.policy) : [];
      const targets = new Set<string>(policyTargets(stmts, refs));
      for (const x of refs) if (POLICY.has(x.type) || STORE_TYPES.has(x.type)) targets.add(x.assetId);
      const role = mod.value(r.block.attributes.role);
      if (/^google_project_iam/.test(r.type) && typeof role === 'string') {
        // A project-wide role reaches every bucket of the project (the module's) and Vertex AI.
        if (GCP_STORAGE_ROLE.test(role)) for (const b of stores) if (b.type === 'google_storage_bucket') targets.add(b.assetId);
        if (GCP_AI_ROLE.test(role)) targets.add('llm-provider:vertexai');
      }
      const managed = mod.value(r.block.attributes.policy_arn);
      const m = typeof managed === 'string' ? AWS_MANAGED.exec(managed) : null;
      if (m) {
        if (m[1] !== 'AmazonBedrockFullAccess') for (const b of stores) if (b.type === 'aws_s3_bucket') targets.add(b.assetId);
        if (m[1] !== 'AmazonS3FullAccess' && m[1] !== 'AmazonS3ReadOnlyAccess') targets.add(BEDROCK_ID);
      }
      for (const i of [...ids, ...profiles]) for (const t of targets) if (t !== i.assetId) link(i, 'grants', t);
      continue;
    }
    // Kubernetes service accounts are ./tf-service-account.ts's (they keep the manifests' ids).
    if (/^kubernetes_service_account/.test(r.type)) continue;
    // A compute resource: assumes every identity it names (directly or through an instance profile).
    for (const x of refs) {
      if (IDENTITY.has(x.type)) link(r, 'assumes', x.assetId);
      else if (x.type === 'aws_iam_instance_profile') {
        for (const y of mod.blockReferences(x.block).map(kindOf)) if (y && IDENTITY.has(y.type)) link(r, 'assumes', y.assetId);
      }
    }
  }
  // Every resource that is a hop exists as an asset (targets of edges too).
  const byId = new Map(mod.resources.map((r) => [r.assetId, r]));
  const targeted = new Set<string>();
  for (const a of [...out.values()]) {
    for (const rel of a.relations) {
      targeted.add(rel.target);
      const r = byId.get(rel.target);
      if (r) node(r);
    }
  }
  return [...out.values()].filter((a) => a.relations.length > 0 || targeted.has(a.id));
}

function staticName(mod: TfModule, r: TfResource): string | undefined {
  for (const k of ['bucket', 'name', 'account_id', 'model_package_group_name']) {
    const v = mod.value(r.block.attributes[k]);
    if (typeof v === 'string' && !v.includes('${')) return v;
  }
  return undefined;
}

function cloudOf(type: string): string {
  return type.startsWith('aws_') ? 'aws' : type.startsWith('google_') ? 'gcp' : type.startsWith('azurerm_') ? 'azure' : 'other';
}
