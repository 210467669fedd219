/** cfn/bedrock-agent-no-guardrail: missing property (default applies) and a bad value fire, in YAML and JSON; the fixed template stays quiet. */
import { cfnBedrockAgentNoGuardrail } from '../../../src/posture/cloudformation/bedrock-agent-no-guardrail.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(cloudFormationKind, cfnBedrockAgentNoGuardrail, {
  filename: 'template.yaml',
  valid: ["AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::Bedrock::Agent\n    Properties:\n      Name: x\n      GuardrailConfiguration:\n        GuardrailIdentifier: !GetAtt Guardrail.GuardrailId\n", { name: 'not a template', files: { 'values.yaml': 'replicas: 2\n' } }],
  invalid: [
    { name: 'property missing', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::Bedrock::Agent\n    Properties:\n      Name: x\n", errors: [{ line: 3, message: "no GuardrailConfiguration" }] },
    { name: 'bad value', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::Bedrock::Agent\n    Properties:\n      Name: x\n      GuardrailConfiguration:\n        GuardrailIdentifier: \"\"\n", errors: [{ line: 8 }] },
    { name: 'JSON template', files: { 'stack.json': "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"Thing\": {\n      \"Type\": \"AWS::Bedrock::Agent\",\n      \"Properties\": {\n        \"Name\": \"x\"\n      }\n    }\n  }\n}" }, errors: [{ line: 4, message: "no GuardrailConfiguration" }] },
  ],
});
