/** Bedrock agent without a customer-managed encryption key. */
import { attributeRule, REFS, refs } from './common.js';

export const bedrockAgentNoCustomerKey = attributeRule({
  meta: {
    id: 'tf/bedrock-agent-no-customer-key',
    title: 'Bedrock agent not encrypted with a customer-managed key',
    severity: 'medium',
    category: 'misconfiguration',
    description: 'Agent resources (instructions, action groups, session data) are encrypted with an AWS-owned key unless `customer_encryption_key_arn` names a customer-managed key, so you cannot restrict or audit their decryption.',
    remediation: 'Set `customer_encryption_key_arn` to a customer-managed KMS key and allow the agent role to use it.',
    references: refs(REFS.encryption, ['https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-agents.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/bedrockagent_agent']),
    tags: ['terraform', 'aws', 'bedrock'],
    aliases: ['CKV_AWS_373'],
  },
  types: ['aws_bedrockagent_agent'],
  path: ['customer_encryption_key_arn'],
  bad: (v) => v === undefined || v === null || v === '',
  missing: (r) => `Bedrock agent ${r.address} sets no customer_encryption_key_arn: it is encrypted with an AWS-owned key`,
  set: (r) => `Bedrock agent ${r.address} has an empty customer_encryption_key_arn`,
  fix: 'resource "aws_bedrockagent_agent" "support" {\n  # ...\n  customer_encryption_key_arn = aws_kms_key.agent.arn\n}',
});
