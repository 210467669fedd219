/** SageMaker endpoint configuration without kms_key_arn for the instance volumes. */
import { attributeRule, REFS, refs } from './common.js';

export const sagemakerEndpointConfigNoKms = attributeRule({
  meta: {
    id: 'tf/sagemaker-endpoint-config-no-kms',
    title: 'SageMaker endpoint configuration does not encrypt with a customer-managed key',
    severity: 'medium',
    category: 'misconfiguration',
    description: 'The ML storage volumes of the endpoint\'s instances hold the model artifacts (and captured requests). Without `kms_key_arn` they are encrypted with an AWS-managed key only.',
    remediation: 'Set `kms_key_arn` to a customer-managed KMS key (serverless variants do not use it; keep them on their own configuration).',
    references: refs(REFS.encryption, ['https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_endpoint_configuration']),
    tags: ['terraform', 'aws', 'sagemaker'],
    aliases: ['CKV_AWS_98'],
  },
  types: ['aws_sagemaker_endpoint_configuration'],
  path: ['kms_key_arn'],
  bad: (v) => v === undefined || v === null || v === '',
  missing: (r) => `SageMaker endpoint configuration ${r.address} sets no kms_key_arn: instance volumes holding the model use an AWS-managed key`,
  set: (r) => `SageMaker endpoint configuration ${r.address} has an empty kms_key_arn`,
  fix: 'resource "aws_sagemaker_endpoint_configuration" "ec" {\n  # ...\n  kms_key_arn = aws_kms_key.ml.arn\n}',
});
