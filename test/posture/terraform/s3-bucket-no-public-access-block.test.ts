/** tf/s3-bucket-no-public-access-block */
import { s3BucketNoPublicAccessBlock } from '../../../src/posture/terraform/s3-bucket-no-public-access-block.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

const bucket = 'resource "aws_s3_bucket" "b" {\n  bucket = "acme"\n}\n';
const pab = (v: string) => `resource "aws_s3_bucket_public_access_block" "b" {\n  bucket                  = aws_s3_bucket.b.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = ${v}\n  restrict_public_buckets = true\n}\n`;
const eachBuckets = 'resource "aws_s3_bucket" "data" {\n  for_each = toset(["raw", "curated"])\n  bucket   = "acme-${each.key}"\n}\n';
const eachPab = (forEach: string, bucket: string) => `resource "aws_s3_bucket_public_access_block" "data" {\n  for_each                = ${forEach}\n  bucket                  = ${bucket}\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n`;

ruleTester(terraformKind, s3BucketNoPublicAccessBlock, {
  filename: 'main.tf',
  valid: [
    bucket + pab('true'),
    bucket + 'resource "aws_s3_account_public_access_block" "all" {\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
    { name: 'for_each over the buckets, bucket = each.value.id', files: { 'main.tf': eachBuckets + eachPab('aws_s3_bucket.data', 'each.value.id') } },
    { name: 'for_each over a for expression of the buckets, bucket = each.value.bucket', files: { 'main.tf': eachBuckets + eachPab('{ for k, b in aws_s3_bucket.data : k => b }', 'each.value.bucket') } },
    { name: 'indexed by each.key', files: { 'main.tf': eachBuckets + eachPab('toset(["raw", "curated"])', 'aws_s3_bucket.data[each.key].id') } },
  ],
  invalid: [
    { name: 'for_each over something else', code: eachBuckets + eachPab('toset(["x"])', 'each.value.id'), errors: [{ line: 1, message: 'has no aws_s3_bucket_public_access_block' }] },
    { name: 'for_each over another bucket resource', code: eachBuckets + 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n' + eachPab('aws_s3_bucket.data', 'each.value.id'), errors: [{ line: 5, message: 'has no aws_s3_bucket_public_access_block' }] },
    { code: bucket, errors: [{ line: 1, message: 'has no aws_s3_bucket_public_access_block' }] },
    { code: bucket + pab('false'), errors: [{ line: 1, message: 'leaves ignore_public_acls unset or false' }] },
  ],
});
