/** tf/bedrock-kb-store-unencrypted: an AWS-owned-key encryption policy on the KB's collection and an Aurora cluster without storage encryption fire; KmsARN, encrypted or serverless-v1 clusters stay quiet. */
import { bedrockKbStoreUnencrypted } from '../../../src/posture/terraform/bedrock-kb-store-unencrypted.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

const KB_AOSS = `resource "aws_bedrockagent_knowledge_base" "kb" {
  name = "docs"
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      collection_arn = aws_opensearchserverless_collection.kb.arn
    }
  }
}
locals {
  collection = "kb-docs"
}
resource "aws_opensearchserverless_collection" "kb" {
  name = local.collection
}
`;
const encryption = (key: string) => `resource "aws_opensearchserverless_security_policy" "enc" {
  name = "kb-enc"
  type = "encryption"
  policy = jsonencode({
    Rules = [{ ResourceType = "collection", Resource = ["collection/\${local.collection}"] }]
    ${key}
  })
}
`;
const kbRds = (cluster: string) => `resource "aws_bedrockagent_knowledge_base" "kb" {
  name = "docs"
  storage_configuration {
    type = "RDS"
    rds_configuration {
      resource_arn = aws_rds_cluster.kb.arn
    }
  }
}
resource "aws_rds_cluster" "kb" {
  engine = "aurora-postgresql"
${cluster}}
`;

ruleTester(terraformKind, bedrockKbStoreUnencrypted, {
  filename: 'main.tf',
  valid: [
    KB_AOSS + encryption('KmsARN = aws_kms_key.rag.arn'),
    kbRds('  storage_encrypted = true\n  kms_key_id = aws_kms_key.rag.arn\n'),
    kbRds('  engine_mode = "serverless"\n'),
    { name: 'unencrypted cluster no knowledge base uses', files: { 'main.tf': 'resource "aws_rds_cluster" "app" {\n  engine = "aurora-postgresql"\n}\n' } },
  ],
  invalid: [
    { name: 'AWS-owned key (pattern through a local)', code: KB_AOSS + encryption('AWSOwnedKey = true'), errors: [{ line: 19, message: 'AWS-owned key' }] },
    { name: 'cluster without storage_encrypted', code: kbRds(''), errors: [{ line: 10, message: 'the default is false', severity: 'high' }] },
    { name: 'cluster with storage_encrypted = false', code: kbRds('  storage_encrypted = false\n'), errors: [{ line: 12, message: 'storage_encrypted = false' }] },
  ],
});
