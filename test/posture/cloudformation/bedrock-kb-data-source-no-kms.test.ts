/** cfn/bedrock-kb-data-source-no-kms: a data source without KmsKeyArn (or with an empty one) fires; a key set stays quiet. */
import { cfnBedrockKbDataSourceNoKms } from '../../../src/posture/cloudformation/bedrock-kb-data-source-no-kms.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

const SRC = (extra: string) => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Docs:\n    Type: AWS::Bedrock::DataSource\n    Properties:\n      KnowledgeBaseId: !Ref Kb\n      Name: docs\n${extra}`;

ruleTester(cloudFormationKind, cfnBedrockKbDataSourceNoKms, {
  filename: 'template.yaml',
  valid: [SRC('      ServerSideEncryptionConfiguration:\n        KmsKeyArn: !GetAtt RagKey.Arn\n')],
  invalid: [
    { name: 'no encryption configuration', code: SRC(''), errors: [{ line: 3, message: 'AWS-owned key' }] },
    { name: 'empty key', code: SRC('      ServerSideEncryptionConfiguration:\n        KmsKeyArn: ""\n'), errors: [{ line: 9, message: 'empty KmsKeyArn' }] },
  ],
});
