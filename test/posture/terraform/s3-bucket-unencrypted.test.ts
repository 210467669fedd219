/** tf/s3-bucket-unencrypted: the encryption configuration resource that refers to the bucket is the safe twin; AI use raises severity. */
import { s3BucketUnencrypted } from '../../../src/posture/terraform/s3-bucket-unencrypted.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

const bucket = 'resource "aws_s3_bucket" "training" {\n  bucket = "acme-training-data"\n}\n';
const sse = 'resource "aws_s3_bucket_server_side_encryption_configuration" "training" {\n  bucket = aws_s3_bucket.training.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.ml.arn\n    }\n  }\n}\n';
const eachBuckets = 'locals {\n  names = toset(["raw", "curated"])\n}\nresource "aws_s3_bucket" "data" {\n  for_each = local.names\n  bucket   = "acme-${each.key}"\n}\n';
const eachSse = (forEach: string, bucket: string) => `resource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  for_each = ${forEach}\n  bucket   = ${bucket}\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n}\n`;
const notebook = 'resource "aws_sagemaker_notebook_instance" "lab" {\n  name     = "lab"\n  role_arn = aws_iam_role.nb.arn\n}\nresource "aws_iam_role_policy" "nb" {\n  role   = aws_iam_role.nb.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = ["${aws_s3_bucket.training.arn}/*"] }] })\n}\n';

ruleTester(terraformKind, s3BucketUnencrypted, {
  filename: 'main.tf',
  valid: [
    bucket + sse,
    { name: 'encryption in another file of the module', files: { 'infra/s3.tf': bucket, 'infra/sse.tf': sse } },
    { name: 'legacy inline block', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = "aws:kms"\n      }\n    }\n  }\n}\n' } },
    { name: 'matched by bucket name', files: { 'main.tf': bucket + 'resource "aws_s3_bucket_server_side_encryption_configuration" "x" {\n  bucket = "acme-training-data"\n}\n' } },
    { name: 'for_each over the buckets, bucket = each.value.id', files: { 'main.tf': eachBuckets + eachSse('aws_s3_bucket.data', 'each.value.id') } },
    { name: 'for_each over the buckets, bucket = each.value.bucket', files: { 'main.tf': eachBuckets + eachSse('aws_s3_bucket.data', 'each.value.bucket') } },
    { name: 'for_each over a for expression of the buckets', files: { 'main.tf': eachBuckets + eachSse('{ for k, b in aws_s3_bucket.data : k => b }', 'each.value.id') } },
    { name: 'for_each over a for expression of the bucket ids, bucket = each.value', files: { 'main.tf': eachBuckets + eachSse('{ for k, b in aws_s3_bucket.data : k => b.id }', 'each.value') } },
    { name: 'for_each over a local that holds the buckets', files: { 'main.tf': eachBuckets + 'locals {\n  data_buckets = aws_s3_bucket.data\n}\n' + eachSse('local.data_buckets', 'each.value.id') } },
    { name: 'indexed by each.key', files: { 'main.tf': eachBuckets + eachSse('local.names', 'aws_s3_bucket.data[each.key].id') } },
    { name: 'indexed by count.index', files: { 'main.tf': 'resource "aws_s3_bucket" "data" {\n  count  = 2\n  bucket = "acme-${count.index}"\n}\n' + eachSse('null', 'aws_s3_bucket.data[count.index].bucket').replace('for_each = null', 'count    = 2') } },
  ],
  invalid: [
    { name: 'for_each over something else: each.value.id is not a bucket of the module', code: eachBuckets + 'locals {\n  other = { a = { id = "elsewhere" } }\n}\n' + eachSse('local.other', 'each.value.id'), errors: [{ line: 4 }] },
    { name: 'for_each over the buckets, but bucket = each.value.arn (not a bucket name)', code: eachBuckets + eachSse('aws_s3_bucket.data', 'each.value.arn'), errors: [{ line: 4 }] },
    { name: 'for_each over a filtered for expression: not every bucket is covered', code: eachBuckets + eachSse('{ for k, b in aws_s3_bucket.data : k => b if k == "raw" }', 'each.value.id'), errors: [{ line: 4 }] },
    { name: 'no encryption declared', code: bucket, errors: [{ line: 1, severity: 'medium', message: 'declares no server-side encryption' }] },
    { name: 'encryption in another module does not count', files: { 'a/s3.tf': bucket, 'b/sse.tf': sse }, errors: [{ path: 'a/s3.tf', line: 1 }] },
    { name: 'read by a SageMaker notebook role: raised', code: bucket + notebook, errors: [{ line: 1, severity: 'high', message: 'an AI resource of this module reads or writes it' }] },
  ],
});
