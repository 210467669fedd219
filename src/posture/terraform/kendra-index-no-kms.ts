/** Kendra index without a customer-managed key. */
import { attributeRule, REFS, refs } from './common.js';

export const kendraIndexNoKms = attributeRule({
  meta: {
    id: 'tf/kendra-index-no-kms',
    title: 'Kendra index not encrypted with a customer-managed key',
    severity: 'medium',
    category: 'misconfiguration',
    description: 'A Kendra index holds the text of every document a RAG application retrieves. Without `server_side_encryption_configuration { kms_key_id }` it is encrypted with an AWS-owned key.',
    remediation: 'Add a `server_side_encryption_configuration` block with a customer-managed `kms_key_id`.',
    references: refs({ ...REFS.encryption, owaspLlm: ['LLM02', 'LLM08'] }, ['https://docs.aws.amazon.com/kendra/latest/dg/encryption-at-rest.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kendra_index']),
    tags: ['terraform', 'aws', 'kendra'],
  },
  types: ['aws_kendra_index'],
  path: ['server_side_encryption_configuration', 'kms_key_id'],
  bad: (v) => v === undefined || v === null || v === '',
  missing: (r) => `Kendra index ${r.address} sets no server_side_encryption_configuration.kms_key_id: it is encrypted with an AWS-owned key`,
  set: (r) => `Kendra index ${r.address} has an empty kms_key_id`,
  fix: 'resource "aws_kendra_index" "docs" {\n  # ...\n  server_side_encryption_configuration {\n    kms_key_id = aws_kms_key.rag.arn\n  }\n}',
});
