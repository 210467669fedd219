/** tf/s3-bucket-no-public-access-block */
import { s3BucketNoPublicAccessBlock } from '../../../src/posture/terraform/s3-bucket-no-public-access-block.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

const bucket = 'resource "aws_s3_bucket" "b" {\n  bucket = "acme"\n}\n';
const pab = (v: string) => `resource "aws_s3_bucket_public_access_block" "b" {\n  bucket                  = aws_s3_bucket.b.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = ${v}\n  restrict_public_buckets = true\n}\n`;

ruleTester(terraformKind, s3BucketNoPublicAccessBlock, {
  filename: 'main.tf',
  valid: [bucket + pab('true'), bucket + 'resource "aws_s3_account_public_access_block" "all" {\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n'],
  invalid: [
    { code: bucket, errors: [{ line: 1, message: 'has no aws_s3_bucket_public_access_block' }] },
    { code: bucket + pab('false'), errors: [{ line: 1, message: 'leaves ignore_public_acls unset or false' }] },
  ],
});
