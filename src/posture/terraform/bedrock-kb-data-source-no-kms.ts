/** Bedrock knowledge-base data source without a customer-managed key for the ingestion's transient data. */
import { attributeRule, REFS, refs } from './common.js';

export const bedrockKbDataSourceNoKms = attributeRule({
  meta: {
    id: 'tf/bedrock-kb-data-source-no-kms',
    title: 'Bedrock knowledge-base data source without a customer-managed key',
    severity: 'low',
    category: 'misconfiguration',
    description:
      'While a knowledge base ingests a data source, Bedrock keeps the documents and their chunks as transient data. Without `server_side_encryption_configuration { kms_key_arn }` that data is encrypted with an AWS-owned key, outside the key policy that governs the rest of the corpus.',
    remediation: 'Set `server_side_encryption_configuration.kms_key_arn` to the customer-managed key of the knowledge base.',
    references: refs({ ...REFS.encryption, owaspLlm: ['LLM02', 'LLM08'] }, ['https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-kb.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/bedrockagent_data_source']),
    tags: ['terraform', 'aws', 'bedrock', 'rag'],
  },
  types: ['aws_bedrockagent_data_source'],
  path: ['server_side_encryption_configuration', 'kms_key_arn'],
  bad: (v) => v === undefined || v === null || v === '',
  missing: (r) => `Bedrock data source ${r.address} sets no server_side_encryption_configuration.kms_key_arn: ingestion's transient data uses an AWS-owned key`,
  set: (r) => `Bedrock data source ${r.address} has an empty kms_key_arn`,
  fix: 'resource "aws_bedrockagent_data_source" "docs" {\n  # ...\n  server_side_encryption_configuration {\n    kms_key_arn = aws_kms_key.rag.arn\n  }\n}',
});
