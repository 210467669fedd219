/** tf/bedrock-kb-store-public: a public network policy naming the KB's collection (literal, wildcard or self-reference) and a public Aurora instance fire; VPC-only policies, other collections and private instances stay quiet. */
import { bedrockKbStorePublic } from '../../../src/posture/terraform/bedrock-kb-store-public.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

const KB_AOSS = `resource "aws_bedrockagent_knowledge_base" "kb" {
  name     = "docs"
  role_arn = aws_iam_role.kb.arn
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      collection_arn    = aws_opensearchserverless_collection.kb.arn
      vector_index_name = "idx"
    }
  }
}
resource "aws_opensearchserverless_collection" "kb" {
  name = "kb-docs"
  type = "VECTORSEARCH"
}
`;
const network = (resource: string, pub: boolean) => `resource "aws_opensearchserverless_security_policy" "net" {
  name = "kb-net"
  type = "network"
  policy = jsonencode([{
    Rules           = [{ ResourceType = "collection", Resource = ["${resource}"] }]
    AllowFromPublic = ${pub}
  }])
}
`;
const KB_RDS = `resource "aws_bedrockagent_knowledge_base" "kb" {
  name = "docs"
  storage_configuration {
    type = "RDS"
    rds_configuration {
      resource_arn           = aws_rds_cluster.kb.arn
      credentials_secret_arn = aws_secretsmanager_secret.kb.arn
      database_name          = "kb"
      table_name             = "chunks"
    }
  }
}
resource "aws_rds_cluster" "kb" {
  engine            = "aurora-postgresql"
  storage_encrypted = true
}
`;
const instance = (pub: boolean) => `resource "aws_rds_cluster_instance" "kb" {
  cluster_identifier  = aws_rds_cluster.kb.id
  instance_class      = "db.serverless"
  publicly_accessible = ${pub}
}
`;

ruleTester(terraformKind, bedrockKbStorePublic, {
  filename: 'main.tf',
  valid: [
    KB_AOSS + network('collection/kb-docs', false),
    { name: 'public policy for another collection', files: { 'main.tf': KB_AOSS + network('collection/logs-*', true) } },
    { name: 'public collection that no knowledge base uses', files: { 'main.tf': network('collection/kb-docs', true) + 'resource "aws_opensearchserverless_collection" "kb" {\n  name = "kb-docs"\n}\n' } },
    KB_RDS + instance(false),
  ],
  invalid: [
    { name: 'public network policy, literal name', code: KB_AOSS + network('collection/kb-docs', true), errors: [{ line: 19, message: 'opens to the internet' }] },
    { name: 'wildcard pattern, policy in another file', files: { 'main.tf': KB_AOSS, 'network.tf': network('collection/kb-*', true) }, errors: [{ path: 'network.tf', line: 4 }] },
    { name: 'pattern refers to the collection name', code: KB_AOSS + network('collection/${aws_opensearchserverless_collection.kb.name}', true), errors: [{ line: 19 }] },
    { name: 'public Aurora instance', code: KB_RDS + instance(true), errors: [{ line: 20, message: 'publicly accessible' }] },
  ],
});
