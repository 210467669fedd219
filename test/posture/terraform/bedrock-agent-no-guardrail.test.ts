/** bedrock-agent-no-guardrail: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { bedrockAgentNoGuardrail } from '../../../src/posture/terraform/bedrock-agent-no-guardrail.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, bedrockAgentNoGuardrail, {
  filename: 'main.tf',
  valid: [
    "resource \"aws_bedrockagent_agent\" \"x\" {\n  name = \"x\"\n  guardrail_configuration {\n    guardrail_identifier = aws_bedrock_guardrail.g.guardrail_id\n    guardrail_version    = \"1\"\n  }\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"aws_bedrockagent_agent\" \"x\" {\n  name = \"x\"\n  guardrail_configuration { # twin\n    guardrail_identifier = aws_bedrock_guardrail.g.guardrail_id\n    guardrail_version    = \"1\"\n  }\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"aws_bedrockagent_agent\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "no guardrail_configuration" }] },
    { name: 'bad value', code: "resource \"aws_bedrockagent_agent\" \"x\" {\n  name = \"x\"\n  guardrail_configuration {\n    guardrail_identifier = \"\"\n  }\n}\n", errors: [{ line: 4, message: "empty guardrail_identifier" }] },
  ],
});
