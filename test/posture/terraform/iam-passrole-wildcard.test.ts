/** tf/iam-passrole-wildcard: PassRole on "*"; a named role or an iam:PassedToService condition is the safe twin. */
import { iamPassroleWildcard } from '../../../src/posture/terraform/iam-passrole-wildcard.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, iamPassroleWildcard, {
  filename: 'iam.tf',
  valid: [
    'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["iam:PassRole"]\n    resources = [aws_iam_role.exec.arn]\n  }\n}\n',
    'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["iam:PassRole"]\n    resources = ["*"]\n    condition {\n      test     = "StringEquals"\n      variable = "iam:PassedToService"\n      values   = ["sagemaker.amazonaws.com"]\n    }\n  }\n}\n',
  ],
  invalid: [
    { code: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["iam:PassRole", "sagemaker:CreateTrainingJob"], Resource = "*" }] })\n}\n', errors: [{ line: 2, message: 'allows iam:PassRole on Resource "*"' }] },
    { code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["iam:Pass*"]\n    resources = ["*"]\n  }\n}\n', errors: [{ line: 2, message: 'via iam:Pass*' }] },
  ],
});
