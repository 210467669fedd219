/** SageMaker notebook instance storage volume without a customer-managed KMS key. */
import { attributeRule, REFS, refs } from './common.js';

export const sagemakerNotebookNoKms = attributeRule({
  meta: {
    id: 'tf/sagemaker-notebook-no-kms',
    title: 'SageMaker notebook instance volume not encrypted with a customer-managed key',
    severity: 'medium',
    category: 'misconfiguration',
    description:
      'The notebook\'s ML storage volume holds datasets, checkpoints and credentials users leave behind. Without `kms_key_id` it is encrypted with an AWS-managed key: you cannot restrict, audit or revoke decryption separately from the service.',
    remediation: 'Set `kms_key_id` to a customer-managed KMS key whose key policy admits only the notebook role and your administrators.',
    references: refs(REFS.encryption, ['https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance']),
    tags: ['terraform', 'aws', 'sagemaker'],
    aliases: ['CKV_AWS_22', 'CKV_AWS_187'],
  },
  types: ['aws_sagemaker_notebook_instance'],
  path: ['kms_key_id'],
  bad: (v) => v === undefined || v === null || v === '',
  missing: (r) => `SageMaker notebook ${r.address} sets no kms_key_id: its storage volume is encrypted only with an AWS-managed key`,
  set: (r) => `SageMaker notebook ${r.address} has an empty kms_key_id`,
  fix: 'resource "aws_sagemaker_notebook_instance" "lab" {\n  # ...\n  kms_key_id = aws_kms_key.ml.arn\n}',
});
