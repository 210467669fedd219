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

/**
 * The buckets a companion resource (`aws_s3_bucket_*`) configures: its `bucket` attribute's reference
 * (`aws_s3_bucket.x.id`, `aws_s3_bucket.x[each.key].id`, `[count.index]`) or name, or, for
 * `bucket = each.value.id` (or `.bucket`), the buckets its `for_each` iterates.
 */
export function companionTargets(mod: TfModule, companion: TfResource, buckets: TfResource[]): TfResource[] {
  const attr = companion.block.attributes.bucket;
  if (!attr) return [];
  const each = eachBuckets(mod, companion);
  if (each) return buckets.filter((b) => b.address === each);
  const refd = mod.references(attr);
  const v = mod.value(attr);
  return buckets.filter((b) => refd.includes(b.address) || (typeof v === 'string' && !unknown(v) && mod.value(b.block.attributes.bucket) === v));
}

/** The attributes of an `aws_s3_bucket` that give its name (what a companion's `bucket` takes). */
const BUCKET_NAME_ATTRS = new Set(['id', 'bucket']);
/** `each.value`, `each.value.id`, `each.value["id"]`: the attribute taken from the element ('' for none). */
const EACH_VALUE = /^each\.value(?:\.([A-Za-z_][\w-]*)|\["([A-Za-z_][\w-]*)"\])?$/;
/** `{ for k, b in aws_s3_bucket.x : k => b }` or `=> b.id` (no `if` filter): the collection and the element's attribute. */
const FOR_MAP = /^\{\s*for\s+([A-Za-z_][\w-]*)\s*,\s*([A-Za-z_][\w-]*)\s+in\s+([a-z][a-z0-9_]*\.[A-Za-z_][\w-]*)\s*:\s*\1\s*=>\s*\2(?:\.([A-Za-z_][\w-]*))?\s*\}$/;

/**
 * The bucket resource (address) whose instances a companion iterates when it says
 * `for_each = aws_s3_bucket.x` (or `{ for k, b in aws_s3_bucket.x : k => b }`, or a local holding
 * either) and `bucket = each.value.id` / `.bucket`: each instance then configures one instance of the
 * bucket resource. Undefined when the companion does not have that shape (`for_each = local.names`).
 */
function eachBuckets(mod: TfModule, companion: TfResource): string | undefined {
  const { bucket, for_each: forEach } = companion.block.attributes;
  if (!bucket || !forEach) return undefined;
  const b = mod.resolveLocal(bucket.expr);
  const m = b.t === 'ref' ? EACH_VALUE.exec(b.text.replace(/\s+/g, '')) : null;
  if (!m) return undefined;
  const fromEach = m[1] ?? m[2] ?? '';
  const f = mod.resolveLocal(forEach.expr);
  let collection: string | undefined;
  let fromElement = '';
  if (f.t === 'ref' && f.path.length === 2 && f.text.replace(/\s+/g, '') === f.path.join('.')) collection = f.text.replace(/\s+/g, '');
  else if (f.t === 'other') {
    const fm = FOR_MAP.exec(f.text.trim());
    if (fm) [collection, fromElement] = [fm[3], fm[4] ?? ''];
  }
  if (!collection?.startsWith('aws_s3_bucket.')) return undefined;
  // The bucket's name is taken exactly once: from the element (`=> b.id`) or from `each.value.id`.
  const taken = [fromElement, fromEach].filter(Boolean);
  return taken.length === 1 && BUCKET_NAME_ATTRS.has(taken[0]) ? collection : undefined;
}
