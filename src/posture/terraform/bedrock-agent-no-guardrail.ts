/** Bedrock agent without a guardrail attached. */
import { attributeRule, refs } from './common.js';

export const bedrockAgentNoGuardrail = attributeRule({
  meta: {
    id: 'tf/bedrock-agent-no-guardrail',
    title: 'Bedrock agent has no guardrail',
    severity: 'medium',
    category: 'misconfiguration',
    description: 'An agent without `guardrail_configuration` applies no content filters, denied topics, sensitive-information filters or prompt-attack detection to what users send it and what it answers, and it can call its action groups on any instruction.',
    remediation: 'Create an `aws_bedrock_guardrail` (with a prompt-attack filter and the PII filters your data needs) and attach it in a `guardrail_configuration` block.',
    references: refs({ cwe: ['CWE-693'], owaspLlm: ['LLM01', 'LLM02', 'LLM06'], atlas: ['AML.T0051', 'AML.T0054'] }, ['https://docs.aws.amazon.com/bedrock/latest/userguide/agents-guardrail.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/bedrockagent_agent']),
    tags: ['terraform', 'aws', 'bedrock'],
    aliases: ['CKV_AWS_383'],
  },
  types: ['aws_bedrockagent_agent'],
  path: ['guardrail_configuration', 'guardrail_identifier'],
  bad: (v) => v === undefined || v === null || v === '',
  missing: (r) => `Bedrock agent ${r.address} has no guardrail_configuration: no guardrail filters its prompts and answers`,
  set: (r) => `Bedrock agent ${r.address} has an empty guardrail_identifier`,
  fix: 'resource "aws_bedrockagent_agent" "support" {\n  # ...\n  guardrail_configuration {\n    guardrail_identifier = aws_bedrock_guardrail.default.guardrail_id\n    guardrail_version    = aws_bedrock_guardrail_version.default.version\n  }\n}',
});
