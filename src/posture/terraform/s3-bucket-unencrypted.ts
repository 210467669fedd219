/**
 * S3 bucket without declared server-side encryption: neither an inline
 * `server_side_encryption_configuration` nor an `aws_s3_bucket_server_side_encryption_configuration`
 * that points at it. Raised when an AI resource reads or writes the bucket.
 */
import type { PostureHit } from '../rule.js';
import { nested } from '../../documents/terraform/index.js';
import { bucketSeverity, companionTargets, hitAt, REFS, refs, type TfRule } from './common.js';

const FIX = 'resource "aws_s3_bucket_server_side_encryption_configuration" "training" {\n  bucket = aws_s3_bucket.training.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.ml.arn\n    }\n    bucket_key_enabled = true\n  }\n}';

export const s3BucketUnencrypted: TfRule = {
  meta: {
    id: 'tf/s3-bucket-unencrypted',
    title: 'S3 bucket has no declared server-side encryption',
    severity: 'medium',
    category: 'misconfiguration',
    description:
      'Buckets that hold training data, embeddings and model artifacts should declare their encryption in code: SSE-KMS with a customer-managed key makes every read of the data subject to a key policy and visible in CloudTrail. S3 applies SSE-S3 to new objects by default since January 2023, but that default gives no separate access control over the key. Severity is raised when a SageMaker, Bedrock or other AI resource of the module (or its role\'s policy) reads or writes the bucket.',
    remediation: `Declare encryption with an \`aws_s3_bucket_server_side_encryption_configuration\` for the bucket, using SSE-KMS and a customer-managed key.\n\n\`\`\`hcl\n${FIX}\n\`\`\``,
    references: refs(REFS.data, ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_server_side_encryption_configuration']),
    tags: ['terraform', 'aws', 's3', 'training-data'],
    aliases: ['CKV_AWS_19', 'CKV_AWS_145', 'AVD-AWS-0088', 'AVD-AWS-0132'],
  },
  check(mod) {
    const buckets = mod.ofType('aws_s3_bucket');
    const covered = new Set<string>();
    for (const c of mod.ofType('aws_s3_bucket_server_side_encryption_configuration')) for (const b of companionTargets(mod, c, buckets)) covered.add(b.address);
    const sev = bucketSeverity('medium');
    const hits: PostureHit[] = [];
    for (const b of buckets) {
      if (covered.has(b.address) || nested(b.block, 'server_side_encryption_configuration').length) continue;
      const severity = sev(b, mod);
      const why = severity ? ' (an AI resource of this module reads or writes it)' : '';
      hits.push(hitAt(b, b.block.line, 'sse', `S3 bucket ${b.address}${why} declares no server-side encryption: no aws_s3_bucket_server_side_encryption_configuration refers to it, so only S3's default SSE-S3 applies, with no customer-managed key`, { severity }));
    }
    return hits;
  },
};
