/**
 * Shared pieces of the `tf/*` rules: hits at the offending attribute (or at the resource when it is
 * missing), the "attribute check" used by most rules, and which buckets AI resources read or write.
 */
import type { References, RuleMeta, Severity } from '../../core/model.js';
import type { TfBlock, TfModule, TfResource, TfValue } from '../../documents/terraform/index.js';
import { nested } from '../../documents/terraform/index.js';
import type { PostureHit, PostureRule } from '../rule.js';

export type TfRule = PostureRule<TfModule>;
export type TfRuleMeta = RuleMeta & { aliases?: string[] };

/** References shared by families of rules. */
export const REFS = {
  exposure: { cwe: ['CWE-284', 'CWE-668'], owaspLlm: ['LLM02'], atlas: ['AML.T0049'] },
  encryption: { cwe: ['CWE-311'], owaspLlm: ['LLM02'], atlas: ['AML.T0035'] },
  auth: { cwe: ['CWE-287', 'CWE-798'], owaspLlm: ['LLM02'], atlas: ['AML.T0012'] },
  privilege: { cwe: ['CWE-250', 'CWE-269'], owaspLlm: ['LLM06'], atlas: ['AML.T0012'] },
  data: { cwe: ['CWE-284', 'CWE-732'], owaspLlm: ['LLM02', 'LLM04'], atlas: ['AML.T0020', 'AML.T0035'] },
} satisfies Record<string, References>;

export function refs(base: References, urls: string[]): References {
  return { ...base, urls };
}

/** True when a value is not statically known (an unresolved variable, a reference, a function). */
export function unknown(v: TfValue | undefined): boolean {
  return typeof v === 'string' && v.includes('${');
}

export function hitAt(r: TfResource, line: number, key: string, message: string, extra: Partial<PostureHit> = {}): PostureHit {
  return { path: r.path, line, message, key: `${r.address}:${key}`, assetId: r.assetId, ...extra };
}

/** The attribute `name` of the block and its nested blocks along `path` (first of each). */
export function attrAt(block: TfBlock, path: string[]): { block: TfBlock; attr?: TfBlock['attributes'][string]; missingBlockAt?: number } {
  let cur = block;
  for (const seg of path.slice(0, -1)) {
    const next = nested(cur, seg)[0];
    if (!next) return { block: cur, missingBlockAt: cur.line };
    cur = next;
  }
  return { block: cur, attr: cur.attributes[path[path.length - 1]] };
}

export function show(v: TfValue | undefined): string {
  return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v ?? null);
}

/**
 * A rule over one attribute of some resource types: `bad(value)` decides, where `undefined` means
 * the attribute (or its enclosing block) is absent and the provider's default applies. Values that
 * are not statically known (`var.x` without default, references, functions) never fire.
 */
export function attributeRule(spec: {
  meta: TfRuleMeta;
  types: string[];
  path: string[];
  bad(v: TfValue | undefined): boolean;
  /** Message when absent: what is missing and which default applies. */
  missing(r: TfResource): string;
  /** Message when set to a bad value. */
  set(r: TfResource, v: TfValue): string;
  /** The fixed snippet. */
  fix: string;
  /** Raise or lower the severity per resource (for example a bucket that holds training data). */
  severity?(r: TfResource, mod: TfModule): Severity | undefined;
  /** Skip resources where the check does not apply. */
  applies?(r: TfResource, mod: TfModule): boolean;
}): TfRule {
  return {
    meta: spec.meta,
    check(mod) {
      const hits: PostureHit[] = [];
      for (const r of mod.ofType(...spec.types)) {
        if (spec.applies && !spec.applies(r, mod)) continue;
        const { attr, block } = attrAt(r.block, spec.path);
        const v = attr ? mod.value(attr) : undefined;
        if (attr && unknown(v)) continue;
        if (!spec.bad(v)) continue;
        const name = spec.path.join('.');
        const severity = spec.severity?.(r, mod);
        const fix = { remediation: `${spec.meta.remediation}\n\n\`\`\`hcl\n${spec.fix}\n\`\`\`` };
        if (attr && v !== undefined) hits.push(hitAt(r, attr.line, name, spec.set(r, v), { evidence: `${spec.path[spec.path.length - 1]} = ${show(v)}`, severity, ...fix }));
        else hits.push(hitAt(r, attr?.line ?? (block === r.block ? r.block.line : block.line), name, spec.missing(r), { severity, ...fix }));
      }
      return hits;
    },
  };
}

/** Raise a severity one step (a resource that holds AI data or is reached by an AI workload). */
export function raise(s: Severity): Severity {
  return s === 'info' ? 'low' : s === 'low' ? 'medium' : s === 'medium' ? 'high' : 'critical';
}

const AI_TYPE = /^(?:aws_(?:sagemaker|bedrock|bedrockagent|comprehend|kendra)_|awscc_(?:sagemaker|bedrock)_|google_(?:vertex_ai|workbench|notebooks)_|azurerm_(?:machine_learning|cognitive)_)/;

export function isAiResource(r: TfResource): boolean {
  return AI_TYPE.test(r.type);
}

const cache = new WeakMap<TfModule, Set<string>>();

/**
 * Addresses of buckets (S3, GCS) that an AI resource of the module reads or writes: referenced from
 * the AI resource itself, from its execution role's policies, or named in an `s3://` / `gs://` URI or
 * an S3 ARN in those places.
 */
export function aiBuckets(mod: TfModule): Set<string> {
  const hit = cache.get(mod);
  if (hit) return hit;
  const out = new Set<string>();
  const buckets = mod.resources.filter((r) => r.mode === 'resource' && (r.type === 'aws_s3_bucket' || r.type === 'google_storage_bucket'));
  const bucketAddresses = new Set(buckets.map((b) => b.address));
  const byName = new Map<string, string>();
  for (const b of buckets) {
    const name = mod.value(b.block.attributes.bucket ?? b.block.attributes.name);
    if (typeof name === 'string' && !unknown(name)) byName.set(name, b.address);
  }
  const visit = (block: TfBlock): void => {
    for (const a of mod.blockReferences(block)) if (bucketAddresses.has(a)) out.add(a);
    const text = JSON.stringify(Object.fromEntries(Object.entries(block.attributes).map(([k, a]) => [k, mod.value(a)])));
    for (const m of text.matchAll(/(?:s3:\/\/|gs:\/\/|arn:aws[\w-]*:s3:::)([a-z0-9][a-z0-9.-]{1,62})/g)) {
      const addr = byName.get(m[1]);
      if (addr) out.add(addr);
    }
    for (const b of block.blocks) visit(b);
  };
  const roles = new Set<string>();
  for (const r of mod.resources) {
    if (!isAiResource(r)) continue;
    visit(r.block);
    for (const a of mod.blockReferences(r.block)) if (a.startsWith('aws_iam_role.')) roles.add(a);
  }
  // Policies attached to the AI workloads' roles: inline role policies and attached managed policies.
  for (const p of mod.resources) {
    if (!['aws_iam_role_policy', 'aws_iam_role_policy_attachment'].includes(p.type)) continue;
    const refsOf = mod.blockReferences(p.block);
    if (!refsOf.some((a) => roles.has(a))) continue;
    visit(p.block);
    for (const a of refsOf) {
      const target = mod.get(a);
      if (target && (target.type === 'aws_iam_policy' || target.type === 'aws_iam_policy_document')) visit(target.block);
      if (target?.mode === 'data' && target.type === 'aws_iam_policy_document') visit(target.block);
    }
  }
  // Roles whose inline `inline_policy` blocks or policy documents name the bucket.
  for (const role of roles) {
    const r = mod.get(role);
    if (r) visit(r.block);
  }
  cache.set(mod, out);
  return out;
}

/** Severity for a bucket rule: one step up when an AI resource reads or writes the bucket. */
export function bucketSeverity(base: Severity) {
  return (r: TfResource, mod: TfModule): Severity | undefined => (aiBuckets(mod).has(r.address) ? raise(base) : undefined);
}

/** The bucket a companion resource (`aws_s3_bucket_*`) configures: its `bucket` attribute's reference or name. */
export function companionTargets(mod: TfModule, companion: TfResource, buckets: TfResource[]): TfResource[] {
  const attr = companion.block.attributes.bucket;
  if (!attr) return [];
  const refd = mod.references(attr);
  const v = mod.value(attr);
  return buckets.filter((b) => refd.includes(b.address) || (typeof v === 'string' && !unknown(v) && mod.value(b.block.attributes.bucket) === v));
}
