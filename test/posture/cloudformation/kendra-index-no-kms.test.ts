/** cfn/kendra-index-no-kms: missing property (default applies) and a bad value fire, in YAML and JSON; the fixed template stays quiet. */
import { cfnKendraIndexNoKms } from '../../../src/posture/cloudformation/kendra-index-no-kms.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(cloudFormationKind, cfnKendraIndexNoKms, {
  filename: 'template.yaml',
  valid: ["AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::Kendra::Index\n    Properties:\n      Name: x\n      ServerSideEncryptionConfiguration:\n        KmsKeyId: !Ref RagKey\n", { name: 'not a template', files: { 'values.yaml': 'replicas: 2\n' } }],
  invalid: [
    { name: 'property missing', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::Kendra::Index\n    Properties:\n      Name: x\n", errors: [{ line: 3, message: "sets no ServerSideEncryptionConfiguration.KmsKeyId" }] },
    { name: 'bad value', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::Kendra::Index\n    Properties:\n      Name: x\n      ServerSideEncryptionConfiguration:\n        KmsKeyId: \"\"\n", errors: [{ line: 8 }] },
    { name: 'JSON template', files: { 'stack.json': "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"Thing\": {\n      \"Type\": \"AWS::Kendra::Index\",\n      \"Properties\": {\n        \"Name\": \"x\"\n      }\n    }\n  }\n}" }, errors: [{ line: 4, message: "sets no ServerSideEncryptionConfiguration.KmsKeyId" }] },
  ],
});
