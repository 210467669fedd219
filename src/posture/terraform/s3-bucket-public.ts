/** S3 bucket opened to everyone by a canned ACL or a bucket policy with Principal "*". */
import type { PostureHit } from '../rule.js';
import type { TfResource } from '../../documents/terraform/index.js';
import { bucketSeverity, companionTargets, hitAt, REFS, refs, type TfRule } from './common.js';
import { policyStatements } from './policy.js';

const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);
/** The peer checks of each kind of hit (Checkov splits read and write ACLs, and policies). */
const aclPeers = (acl: string): string[] => (acl === 'public-read-write' ? ['CKV_AWS_20', 'CKV_AWS_57', 'CKV2_AWS_43', 'AVD-AWS-0092'] : ['CKV_AWS_20', 'CKV2_AWS_43', 'AVD-AWS-0092']);
const POLICY_PEERS = ['CKV_AWS_70'];

export const s3BucketPublic: TfRule = {
  meta: {
    id: 'tf/s3-bucket-public',
    title: 'S3 bucket is open to everyone (ACL or bucket policy)',
    severity: 'high',
    category: 'exposure',
    description:
      'A canned ACL `public-read`, `public-read-write` or `authenticated-read`, or a bucket policy that allows `Principal: "*"` without a condition, lets anyone on the internet (or any AWS account) read, and sometimes overwrite, the objects: training data leaks, and writable model artifacts or datasets can be poisoned. Severity is raised when an AI resource reads or writes the bucket.',
    remediation: 'Remove the public ACL (use `private` or, better, object ownership `BucketOwnerEnforced`) and restrict policy principals to the roles that need access.\n\n```hcl\nresource "aws_s3_bucket_ownership_controls" "training" {\n  bucket = aws_s3_bucket.training.id\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }\n}\n```',
    references: refs(REFS.data, ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_policy']),
    tags: ['terraform', 'aws', 's3'],
    aliases: ['CKV_AWS_20', 'CKV_AWS_57', 'CKV_AWS_70', 'CKV2_AWS_43', 'AVD-AWS-0092'],
  },
  check(mod) {
    const buckets = mod.ofType('aws_s3_bucket');
    const sev = bucketSeverity('high');
    const hits: PostureHit[] = [];
    const report = (b: TfResource, line: number, key: string, msg: string, evidence: string, aliases: string[]) => hits.push(hitAt(b, line, key, msg, { severity: sev(b, mod), evidence, aliases }));
    for (const b of buckets) {
      const acl = b.block.attributes.acl;
      const v = mod.value(acl);
      if (acl && typeof v === 'string' && PUBLIC_ACLS.has(v)) report(b, acl.line, 'acl', `S3 bucket ${b.address} has the canned ACL ${v}`, `acl = "${v}"`, aclPeers(v));
    }
    for (const c of mod.ofType('aws_s3_bucket_acl')) {
      const acl = c.block.attributes.acl;
      const v = mod.value(acl);
      if (!acl || typeof v !== 'string' || !PUBLIC_ACLS.has(v)) continue;
      for (const b of companionTargets(mod, c, buckets)) hits.push(hitAt(c, acl.line, `acl:${b.address}`, `S3 bucket ${b.address} gets the canned ACL ${v} from ${c.address}`, { severity: sev(b, mod), evidence: `acl = "${v}"`, assetId: b.assetId, aliases: aclPeers(v) }));
    }
    for (const p of mod.ofType('aws_s3_bucket_policy')) {
      const targets = companionTargets(mod, p, buckets);
      for (const s of policyStatements(mod, p.block.attributes.policy)) {
        if (s.effect !== 'Allow' || !s.principalStar || s.hasCondition) continue;
        for (const b of targets) hits.push(hitAt(p, s.line, `policy:${b.address}:${s.actions.join(',')}`, `S3 bucket ${b.address}: policy ${p.address} allows ${s.actions.join(', ') || 'actions'} to Principal "*" without a condition`, { severity: sev(b, mod), evidence: 'Principal = "*"', assetId: b.assetId, aliases: POLICY_PEERS }));
        if (!targets.length) hits.push(hitAt(p, s.line, `policy:${s.actions.join(',')}`, `Bucket policy ${p.address} allows ${s.actions.join(', ') || 'actions'} to Principal "*" without a condition`, { evidence: 'Principal = "*"', aliases: POLICY_PEERS }));
      }
    }
    return hits;
  },
};
