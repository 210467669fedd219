/**
 * Bedrock used in a module that declares no model invocation logging. The check sees one module at a
 * time: an account whose logging is declared in another module gets a finding here (say so, and
 * suppress it with `aigis-ignore` where that is the case).
 */
import type { PostureHit } from '../rule.js';
import { hitAt, refs, type TfRule } from './common.js';

const USES = /^(?:aws_bedrock_|aws_bedrockagent_)/;

export const bedrockInvocationLoggingMissing: TfRule = {
  meta: {
    id: 'tf/bedrock-invocation-logging-missing',
    title: 'Bedrock is used but model invocation logging is not configured',
    severity: 'medium',
    category: 'misconfiguration',
    description:
      'Bedrock keeps no record of prompts and completions unless `aws_bedrock_model_invocation_logging_configuration` sends them to CloudWatch Logs or S3. Without it, prompt injection, data leaks through the model and abuse of the account\'s model quota cannot be investigated. CloudTrail records only that a model was invoked.',
    remediation:
      'Declare model invocation logging (once per account and region) with text delivery to an encrypted log group or bucket.\n\n```hcl\nresource "aws_bedrock_model_invocation_logging_configuration" "this" {\n  logging_config {\n    text_data_delivery_enabled = true\n    cloudwatch_config {\n      log_group_name = aws_cloudwatch_log_group.bedrock.name\n      role_arn       = aws_iam_role.bedrock_logging.arn\n    }\n  }\n}\n```',
    references: refs({ cwe: ['CWE-778'], owaspLlm: ['LLM01', 'LLM10'], atlas: ['AML.T0051'] }, ['https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/bedrock_model_invocation_logging_configuration']),
    tags: ['terraform', 'aws', 'bedrock'],
    confidence: 'medium',
  },
  check(mod) {
    if (mod.resources.some((r) => r.type === 'aws_bedrock_model_invocation_logging_configuration')) return [];
    const first = mod.resources.find((r) => r.mode === 'resource' && USES.test(r.type));
    if (!first) return [];
    const hit: PostureHit = hitAt(
      first,
      first.block.line,
      'invocation-logging',
      `Module ${mod.dir || '.'} uses Bedrock (${first.address}) but declares no aws_bedrock_model_invocation_logging_configuration: prompts and completions are not logged (unless another module of this account declares it)`,
    );
    return [hit];
  },
};
