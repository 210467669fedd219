/** tf/bedrock-kb-data-source-no-kms: a data source without a customer key (or with an empty one) fires; a key set stays quiet. */
import { bedrockKbDataSourceNoKms } from '../../../src/posture/terraform/bedrock-kb-data-source-no-kms.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

const SRC = (extra: string) => `resource "aws_bedrockagent_data_source" "docs" {\n  knowledge_base_id = aws_bedrockagent_knowledge_base.kb.id\n  name              = "docs"\n  data_source_configuration {\n    type = "S3"\n    s3_configuration {\n      bucket_arn = aws_s3_bucket.docs.arn\n    }\n  }\n${extra}}\n`;

ruleTester(terraformKind, bedrockKbDataSourceNoKms, {
  filename: 'main.tf',
  valid: [SRC('  server_side_encryption_configuration {\n    kms_key_arn = aws_kms_key.rag.arn\n  }\n')],
  invalid: [
    { name: 'no encryption configuration', code: SRC(''), errors: [{ line: 1, message: 'AWS-owned key' }] },
    { name: 'empty key', code: SRC('  server_side_encryption_configuration {\n    kms_key_arn = ""\n  }\n'), errors: [{ line: 11, message: 'empty kms_key_arn' }] },
  ],
});
