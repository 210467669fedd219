/** tf/s3-bucket-public: canned ACLs and Principal "*" policies; a conditioned or named principal is the safe twin. */
import { s3BucketPublic } from '../../../src/posture/terraform/s3-bucket-public.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

const bucket = 'resource "aws_s3_bucket" "b" {\n  bucket = "acme"\n}\n';
const policy = (principal: string, cond = '') => `resource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Principal = ${principal}, Action = "s3:GetObject", Resource = "\${aws_s3_bucket.b.arn}/*"${cond} }]\n  })\n}\n`;

ruleTester(terraformKind, s3BucketPublic, {
  filename: 'main.tf',
  valid: [
    bucket + 'resource "aws_s3_bucket_acl" "a" {\n  bucket = aws_s3_bucket.b.id\n  acl    = "private"\n}\n',
    bucket + policy('{ AWS = "arn:aws:iam::123456789012:role/reader" }'),
    { name: 'private ACL companion with for_each over the buckets', files: { 'main.tf': 'resource "aws_s3_bucket" "data" {\n  for_each = toset(["raw"])\n  bucket   = "acme-${each.key}"\n}\nresource "aws_s3_bucket_acl" "data" {\n  for_each = aws_s3_bucket.data\n  bucket   = each.value.id\n  acl      = "private"\n}\n' } },
    bucket + policy('"*"', ', Condition = { StringEquals = { "aws:SourceVpce" = "vpce-1" } }'),
  ],
  invalid: [
    { code: 'resource "aws_s3_bucket" "b" {\n  bucket = "acme"\n  acl    = "public-read"\n}\n', errors: [{ line: 3, message: 'canned ACL public-read' }] },
    { code: bucket + 'resource "aws_s3_bucket_acl" "a" {\n  bucket = aws_s3_bucket.b.id\n  acl    = "public-read-write"\n}\n', errors: [{ line: 6, message: 'gets the canned ACL public-read-write' }] },
    {
      name: 'ACL companion with for_each over the buckets',
      code: 'resource "aws_s3_bucket" "data" {\n  for_each = toset(["raw", "curated"])\n  bucket   = "acme-${each.key}"\n}\nresource "aws_s3_bucket_acl" "data" {\n  for_each = aws_s3_bucket.data\n  bucket   = each.value.id\n  acl      = "public-read"\n}\n',
      errors: [{ line: 8, message: 'S3 bucket aws_s3_bucket.data gets the canned ACL public-read from aws_s3_bucket_acl.data' }],
    },
    { code: bucket + policy('"*"'), errors: [{ line: 6, message: 'to Principal "*" without a condition' }] },
  ],
});
