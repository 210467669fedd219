/** cfn/iam-ai-wildcard: `bedrock:*` / `sagemaker:*` / `*` on `Resource: "*"` fires in policies, managed policies and role inline policies; scoped actions or resources stay quiet. */
import { cfnIamAiWildcard } from '../../../src/posture/cloudformation/iam-ai-wildcard.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

const H = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';

ruleTester(cloudFormationKind, cfnIamAiWildcard, {
  filename: 'template.yaml',
  valid: [
    `${H}  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: bedrock:InvokeModel\n            Resource: "*"\n`,
    `${H}  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: "sagemaker:*"\n            Resource: !Sub "arn:aws:sagemaker:\${AWS::Region}:\${AWS::AccountId}:notebook-instance/team-*"\n`,
    `${H}  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Deny\n            Action: "bedrock:*"\n            Resource: "*"\n`,
  ],
  invalid: [
    { name: 'managed policy bedrock:*', code: `${H}  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: ["bedrock:*", "s3:GetObject"]\n            Resource: "*"\n`, errors: [{ line: 8, message: 'allows bedrock:* on Resource "*"' }] },
    { name: 'role inline policy, second statement', code: `${H}  R:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies:\n        - PolicyName: ml\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: s3:GetObject\n                Resource: "*"\n              - Effect: Allow\n                Action: "*"\n                Resource: ["*"]\n`, errors: [{ line: 13, message: 'bedrock:* and sagemaker:*' }] },
    { name: 'policy document as a JSON string', code: `${H}  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument: '{"Statement":[{"Effect":"Allow","Action":"sagemaker:*","Resource":"*"}]}'\n`, errors: [{ line: 6, message: 'sagemaker:*' }] },
  ],
});
