/**
 * Edge kind: CloudFormation references between compute, roles, policies and stores, in one template
 * (the same joins as ./terraform-iam.ts, over `!Ref` / `!GetAtt` / `!Sub` references):
 *   resource naming a role (`RoleArn: !GetAtt Role.Arn`) ─assumes→ role
 *   role ─grants→ bucket / registry       (inline `Policies`, or an AWS::IAM::Policy / ManagedPolicy naming the role)
 *   role ─grants→ llm-provider:bedrock     (bedrock:Invoke* — LLMjacking)
 * Asset ids are discovery's (`cfn:<path>#<LogicalId>`).
 */
import type { Asset, Relation } from '../../core/model.js';
import { cfnAssetId } from '../../documents/cloudformation/asset-id.js';
import type { CfnResource, CfnTemplate } from '../../documents/cloudformation/index.js';
import { grants } from '../../posture/terraform/policy.js';
import { BEDROCK_ID } from './terraform-iam.js';
import { relationSink } from './relation-sink.js';

export const CFN_STORE_TYPES = new Set(['AWS::S3::Bucket', 'AWS::SageMaker::ModelPackageGroup', 'AWS::ECR::Repository', 'AWS::EFS::FileSystem']);
const ROLE = 'AWS::IAM::Role';
const POLICIES = new Set(['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']);
const BEDROCK_ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream', 'bedrock:Converse'];
const MAX_WALK = 20_000;

/** Logical ids a value refers to (`Ref`, `Fn::GetAtt`, `${X.Arn}` in `Fn::Sub`). */
export function cfnRefs(v: unknown, out = new Set<string>(), budget = { n: 0 }): Set<string> {
  if (++budget.n > MAX_WALK) return out;
  if (Array.isArray(v)) for (const x of v) cfnRefs(x, out, budget);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === 'Ref' && typeof x === 'string') out.add(x);
      else if (k === 'Fn::GetAtt' && Array.isArray(x) && typeof x[0] === 'string') out.add(x[0]);
      else if (k === 'Fn::GetAtt' && typeof x === 'string') out.add(x.split('.')[0]);
      else if (k === 'Fn::Sub') {
        const tpl = Array.isArray(x) ? x[0] : x;
        if (typeof tpl === 'string') for (const m of tpl.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z]+)?\}/g)) out.add(m[1]);
        cfnRefs(x, out, budget);
      } else cfnRefs(x, out, budget);
    }
  }
  return out;
}

function statements(doc: unknown): { actions: string[]; allow: boolean }[] {
  const raw = doc && typeof doc === 'object' ? (doc as Record<string, unknown>).Statement : undefined;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.filter((s): s is Record<string, unknown> => !!s && typeof s === 'object').map((s) => {
    const a = s.Action;
    return { actions: Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : typeof a === 'string' ? [a] : [], allow: s.Effect !== 'Deny' };
  });
}

export function cloudFormationIamEdges(t: CfnTemplate): Asset[] {
  const byId = new Map(t.resources.map((r) => [r.logicalId, r]));
  const out = new Map<string, Asset>();
  const node = (r: CfnResource): Asset => {
    const id = cfnAssetId(t, r.logicalId);
    let a = out.get(id);
    if (!a) {
      const name = r.properties.BucketName ?? r.properties.RoleName ?? r.properties.ModelPackageGroupName ?? r.properties.RepositoryName;
      a = { id, kind: r.type.startsWith('AWS::SageMaker::') || r.type.startsWith('AWS::Bedrock::') ? 'ai-service' : 'cloud-resource', name: r.logicalId, locations: [{ path: t.path, startLine: r.line }], properties: { provider: 'aws', resourceType: r.type, definedIn: 'cloudformation', ...(typeof name === 'string' ? { resourceName: name } : {}) }, relations: [] };
      out.set(id, a);
    }
    return a;
  };
  const add = relationSink();
  const link = (from: CfnResource, type: Relation['type'], to: string) => add(node(from), type, to);
  /** What a policy document reaches: stores it names, Bedrock for invoke actions. */
  const reach = (doc: unknown): string[] => {
    const targets: string[] = [];
    for (const id of cfnRefs(doc)) {
      const r = byId.get(id);
      if (r && CFN_STORE_TYPES.has(r.type)) {
        node(r);
        targets.push(cfnAssetId(t, id));
      }
    }
    if (statements(doc).some((s) => s.allow && s.actions.some((a) => BEDROCK_ACTIONS.some((b) => grants(a, b))))) targets.push(BEDROCK_ID);
    return targets;
  };
  for (const r of t.resources) {
    if (r.type === ROLE) {
      const inline = Array.isArray(r.properties.Policies) ? r.properties.Policies : [];
      for (const p of inline) for (const target of reach(p && typeof p === 'object' ? (p as Record<string, unknown>).PolicyDocument : undefined)) link(r, 'grants', target);
      for (const id of cfnRefs(r.properties.ManagedPolicyArns)) {
        const p = byId.get(id);
        if (p && POLICIES.has(p.type)) for (const target of reach(p.properties.PolicyDocument)) link(r, 'grants', target);
      }
      continue;
    }
    if (POLICIES.has(r.type)) {
      const targets = reach(r.properties.PolicyDocument);
      for (const id of cfnRefs(r.properties.Roles)) {
        const role = byId.get(id);
        if (role?.type === ROLE) for (const target of targets) link(role, 'grants', target);
      }
      continue;
    }
    if (r.type.startsWith('AWS::IAM::')) continue;
    // A compute resource naming a role (directly or through an instance profile) assumes it.
    for (const id of cfnRefs(r.properties)) {
      const x = byId.get(id);
      if (x?.type === ROLE) link(r, 'assumes', cfnAssetId(t, id));
      else if (x?.type === 'AWS::IAM::InstanceProfile') for (const rid of cfnRefs(x.properties.Roles)) if (byId.get(rid)?.type === ROLE) link(r, 'assumes', cfnAssetId(t, rid));
    }
  }
  // Roles that are only targets of an edge exist as assets too.
  for (const a of [...out.values()]) for (const rel of a.relations) {
    const id = rel.target.slice(rel.target.indexOf('#') + 1);
    const r = rel.target.startsWith('cfn:') ? byId.get(id) : undefined;
    if (r) node(r);
  }
  return [...out.values()];
}
