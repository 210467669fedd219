/** tf/bedrock-invocation-logging-missing: per module; the logging configuration in the module is the safe twin. */
import { bedrockInvocationLoggingMissing } from '../../../src/posture/terraform/bedrock-invocation-logging-missing.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

const agent = 'resource "aws_bedrockagent_agent" "a" {\n  agent_name = "a"\n}\n';
const logging = 'resource "aws_bedrock_model_invocation_logging_configuration" "this" {\n  logging_config {\n    text_data_delivery_enabled = true\n  }\n}\n';

ruleTester(terraformKind, bedrockInvocationLoggingMissing, {
  filename: 'main.tf',
  valid: [agent + logging, { name: 'no Bedrock at all', files: { 'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n' } }],
  invalid: [
    { code: agent, errors: [{ line: 1, message: 'declares no aws_bedrock_model_invocation_logging_configuration' }] },
    { name: 'logging in another module does not count', files: { 'app/main.tf': agent, 'logging/main.tf': logging }, errors: [{ path: 'app/main.tf', line: 1 }] },
  ],
});
