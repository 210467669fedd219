/** bedrock-agent-no-customer-key: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { bedrockAgentNoCustomerKey } from '../../../src/posture/terraform/bedrock-agent-no-customer-key.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, bedrockAgentNoCustomerKey, {
  filename: 'main.tf',
  valid: [
    "resource \"aws_bedrockagent_agent\" \"x\" {\n  name = \"x\"\n  customer_encryption_key_arn = aws_kms_key.agent.arn\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"aws_bedrockagent_agent\" \"x\" {\n  name = \"x\"\n  customer_encryption_key_arn = var.unknown\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"aws_bedrockagent_agent\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "AWS-owned key" }] },
    { name: 'bad value', code: "resource \"aws_bedrockagent_agent\" \"x\" {\n  name = \"x\"\n  customer_encryption_key_arn = \"\"\n}\n", errors: [{ line: 3, message: "empty customer_encryption_key_arn" }] },
  ],
});
