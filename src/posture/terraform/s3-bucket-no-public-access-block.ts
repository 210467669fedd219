/** S3 bucket without a public access block that blocks all four kinds of public access. */
import type { PostureHit } from '../rule.js';
import { bucketSeverity, companionTargets, hitAt, REFS, refs, type TfRule } from './common.js';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
/** Peer checks per flag (Checkov, Trivy), and for a bucket without any block. */
const FLAG_PEERS: Record<string, string[]> = {
  block_public_acls: ['CKV_AWS_53', 'AVD-AWS-0086'],
  block_public_policy: ['CKV_AWS_54', 'AVD-AWS-0087'],
  ignore_public_acls: ['CKV_AWS_55', 'AVD-AWS-0091'],
  restrict_public_buckets: ['CKV_AWS_56', 'AVD-AWS-0093'],
};
const MISSING_PEERS = ['CKV2_AWS_6', 'AVD-AWS-0094'];

export const s3BucketNoPublicAccessBlock: TfRule = {
  meta: {
    id: 'tf/s3-bucket-no-public-access-block',
    title: 'S3 bucket has no complete public access block',
    severity: 'low',
    category: 'exposure',
    description:
      'Without an `aws_s3_bucket_public_access_block` that sets all four flags (or an account-wide `aws_s3_account_public_access_block`), one careless ACL or bucket policy makes training data or model artifacts public. Severity is raised when an AI resource reads or writes the bucket.',
    remediation:
      'Add a public access block for the bucket with all four flags true.\n\n```hcl\nresource "aws_s3_bucket_public_access_block" "training" {\n  bucket                  = aws_s3_bucket.training.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n```',
    references: refs(REFS.data, ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block']),
    tags: ['terraform', 'aws', 's3'],
    aliases: ['CKV2_AWS_6', 'CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56', 'AVD-AWS-0086', 'AVD-AWS-0087', 'AVD-AWS-0091', 'AVD-AWS-0093', 'AVD-AWS-0094'],
  },
  check(mod) {
    const account = mod.ofType('aws_s3_account_public_access_block').some((a) => FLAGS.every((f) => mod.value(a.block.attributes[f]) === true));
    if (account) return [];
    const buckets = mod.ofType('aws_s3_bucket');
    const blocks = new Map<string, { line: number; open: string[] }>();
    for (const pab of mod.ofType('aws_s3_bucket_public_access_block')) {
      const open = FLAGS.filter((f) => mod.value(pab.block.attributes[f]) !== true);
      for (const b of companionTargets(mod, pab, buckets)) blocks.set(b.address, { line: pab.block.line, open });
    }
    const sev = bucketSeverity('low');
    const hits: PostureHit[] = [];
    for (const b of buckets) {
      const pab = blocks.get(b.address);
      if (pab && !pab.open.length) continue;
      const msg = pab
        ? `S3 bucket ${b.address} has a public access block that leaves ${pab.open.join(', ')} unset or false (the default is false)`
        : `S3 bucket ${b.address} has no aws_s3_bucket_public_access_block: nothing stops a public ACL or policy`;
      hits.push(hitAt(b, b.block.line, 'public-access-block', msg, { severity: sev(b, mod), aliases: pab ? pab.open.flatMap((f) => FLAG_PEERS[f]) : MISSING_PEERS }));
    }
    return hits;
  },
};
