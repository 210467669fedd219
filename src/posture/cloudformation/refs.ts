/**
 * References between the resources of one template (`Ref`, `Fn::GetAtt`, `${X}` / `${X.Arn}` inside
 * `Fn::Sub`), and what they tell the rules: which buckets an AI resource reads or writes, and which
 * roles AI resources run as. The CloudFormation counterpart of the Terraform module's reference edges.
 */
import type { CfnResource, CfnTemplate } from '../../documents/cloudformation/index.js';

/** Resource type prefixes of AWS AI services (the inventory's `ai-service` assets). */
export const AI_PREFIXES = ['AWS::SageMaker::', 'AWS::Bedrock::', 'AWS::Comprehend::', 'AWS::Kendra::'];

export function isAiResource(r: CfnResource): boolean {
  return AI_PREFIXES.some((p) => r.type.startsWith(p));
}

const MAX_WALK = 20_000;

/** Logical ids (and parameters) referenced anywhere inside a value; pseudo parameters (`AWS::Region`) left out. */
export function referencesIn(value: unknown): string[] {
  const out = new Set<string>();
  let budget = MAX_WALK;
  const sub = (s: string) => {
    for (const m of s.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g)) out.add(m[1]);
  };
  const walk = (v: unknown): void => {
    if (--budget < 0 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === 'Ref' && typeof x === 'string' && !x.startsWith('AWS::')) out.add(x);
      else if (k === 'Fn::GetAtt') {
        const first = Array.isArray(x) ? x[0] : typeof x === 'string' ? x.split('.')[0] : undefined;
        if (typeof first === 'string') out.add(first);
      } else if (k === 'Fn::Sub') {
        const [tpl, vars] = Array.isArray(x) ? [x[0], x[1]] : [x, undefined];
        if (typeof tpl === 'string') sub(tpl);
        walk(vars);
      } else walk(x);
    }
  };
  walk(value);
  return [...out];
}

/** Text of every string inside a value (for `s3://bucket` and `arn:aws:s3:::bucket` literals). */
function strings(value: unknown, out: string[] = [], budget = { n: MAX_WALK }): string[] {
  if (--budget.n < 0) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out, budget));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out, budget));
  return out;
}

/** The policy documents a resource carries: `PolicyDocument`, or each `Policies[i].PolicyDocument`. */
export function policyDocuments(r: CfnResource): { doc: unknown; path: string[] }[] {
  if (['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy', 'AWS::S3::BucketPolicy'].includes(r.type)) {
    return r.properties.PolicyDocument === undefined ? [] : [{ doc: r.properties.PolicyDocument, path: ['PolicyDocument'] }];
  }
  if (['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'].includes(r.type) && Array.isArray(r.properties.Policies)) {
    return r.properties.Policies.flatMap((p, i) => (p && typeof p === 'object' && 'PolicyDocument' in p ? [{ doc: (p as Record<string, unknown>).PolicyDocument, path: ['Policies', String(i), 'PolicyDocument'] }] : []));
  }
  return [];
}

/** The roles AI resources of the template run as (referenced from the AI resource's properties). */
export function aiRoles(t: CfnTemplate): Set<string> {
  const roles = new Set(t.resources.filter((r) => r.type === 'AWS::IAM::Role').map((r) => r.logicalId));
  const out = new Set<string>();
  for (const r of t.resources) if (isAiResource(r)) for (const id of referencesIn(r.properties)) if (roles.has(id)) out.add(id);
  return out;
}

/** IAM resources whose policies apply to one of `roles`: the roles themselves and policies attached to them. */
export function policiesOfRoles(t: CfnTemplate, roles: Set<string>): CfnResource[] {
  const byId = new Map(t.resources.map((r) => [r.logicalId, r]));
  const out: CfnResource[] = [];
  for (const id of roles) {
    const role = byId.get(id);
    if (!role) continue;
    out.push(role);
    for (const arn of referencesIn(role.properties.ManagedPolicyArns)) {
      const p = byId.get(arn);
      if (p?.type === 'AWS::IAM::ManagedPolicy') out.push(p);
    }
  }
  for (const p of t.resources) {
    if (!['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy'].includes(p.type)) continue;
    if (referencesIn([p.properties.Roles, p.properties.RoleName]).some((id) => roles.has(id))) out.push(p);
  }
  return [...new Set(out)];
}

const cache = new WeakMap<CfnTemplate, Set<string>>();

/**
 * Logical ids of the `AWS::S3::Bucket`s that an AI resource of the template reads or writes: referenced
 * from the AI resource (`!Ref`, `!GetAtt`, `!Sub "s3://${Bucket}/train"`), from the policies of the
 * roles AI resources run as, or named literally (`s3://name`, `arn:aws:s3:::name`) in those places.
 */
export function aiBuckets(t: CfnTemplate): Set<string> {
  const hit = cache.get(t);
  if (hit) return hit;
  const buckets = t.resources.filter((r) => r.type === 'AWS::S3::Bucket');
  const ids = new Set(buckets.map((b) => b.logicalId));
  const byName = new Map<string, string>();
  for (const b of buckets) if (typeof b.properties.BucketName === 'string') byName.set(b.properties.BucketName, b.logicalId);
  const out = new Set<string>();
  const visit = (value: unknown) => {
    for (const id of referencesIn(value)) if (ids.has(id)) out.add(id);
    for (const s of strings(value)) for (const m of s.matchAll(/(?:s3:\/\/|arn:aws[\w-]*:s3:::)([a-z0-9][a-z0-9.-]{1,62})/g)) {
      const id = byName.get(m[1]);
      if (id) out.add(id);
    }
  };
  for (const r of t.resources) if (isAiResource(r)) visit(r.properties);
  for (const p of policiesOfRoles(t, aiRoles(t))) for (const d of policyDocuments(p)) visit(d.doc);
  cache.set(t, out);
  return out;
}
