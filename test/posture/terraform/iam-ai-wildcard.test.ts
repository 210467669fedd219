/** tf/iam-ai-wildcard: JSON policies and policy documents; scoped actions or resources are the safe twin. */
import { iamAiWildcard } from '../../../src/posture/terraform/iam-ai-wildcard.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, iamAiWildcard, {
  filename: 'iam.tf',
  valid: [
    'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["bedrock:InvokeModel"], Resource = "*" }] })\n}\n',
    'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["sagemaker:*"]\n    resources = ["arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/lab"]\n  }\n}\n',
  ],
  invalid: [
    { code: 'resource "aws_iam_role_policy" "p" {\n  role   = "r"\n  policy = <<EOF\n{"Statement":[{"Effect":"Allow","Action":"bedrock:*","Resource":"*"}]}\nEOF\n}\n', errors: [{ line: 3, message: 'allows bedrock:* on Resource "*"' }] },
    { code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["sagemaker:*", "s3:GetObject"]\n    resources = ["*"]\n  }\n}\n', errors: [{ line: 2, message: 'sagemaker:*' }] },
  ],
});
