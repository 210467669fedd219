/** SageMaker domain EFS volume without a customer-managed KMS key. */
import { attributeRule, REFS, refs } from './common.js';

export const sagemakerDomainNoKms = attributeRule({
  meta: {
    id: 'tf/sagemaker-domain-no-kms',
    title: 'SageMaker domain storage not encrypted with a customer-managed key',
    severity: 'medium',
    category: 'misconfiguration',
    description: 'The domain\'s EFS volume holds every user\'s notebooks, data and model files. Without `kms_key_id` it is encrypted with an AWS-managed key that you cannot restrict or revoke.',
    remediation: 'Set `kms_key_id` to a customer-managed KMS key.',
    references: refs(REFS.encryption, ['https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-studio.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_domain']),
    tags: ['terraform', 'aws', 'sagemaker'],
    aliases: ['CKV_AWS_187'],
  },
  types: ['aws_sagemaker_domain'],
  path: ['kms_key_id'],
  bad: (v) => v === undefined || v === null || v === '',
  missing: (r) => `SageMaker domain ${r.address} sets no kms_key_id: its EFS volume uses an AWS-managed key`,
  set: (r) => `SageMaker domain ${r.address} has an empty kms_key_id`,
  fix: 'resource "aws_sagemaker_domain" "studio" {\n  # ...\n  kms_key_id = aws_kms_key.ml.arn\n}',
});
