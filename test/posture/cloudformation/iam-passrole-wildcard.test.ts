/** cfn/iam-passrole-wildcard: `iam:PassRole` (or `iam:*`) on `Resource: "*"` without a condition fires; a named role or an iam:PassedToService condition stays quiet. */
import { cfnIamPassroleWildcard } from '../../../src/posture/cloudformation/iam-passrole-wildcard.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

const H = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';

ruleTester(cloudFormationKind, cfnIamPassroleWildcard, {
  filename: 'template.yaml',
  valid: [
    `${H}  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: iam:PassRole\n            Resource: !GetAtt Exec.Arn\n`,
    `${H}  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: iam:PassRole\n            Resource: "*"\n            Condition:\n              StringEquals:\n                iam:PassedToService: sagemaker.amazonaws.com\n`,
  ],
  invalid: [
    { name: 'policy', code: `${H}  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: iam:PassRole\n            Resource: "*"\n`, errors: [{ line: 8, message: 'allows iam:PassRole on Resource "*"' }] },
    { name: 'role inline policy with iam:*', code: `${H}  R:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies:\n        - PolicyName: admin\n          PolicyDocument:\n            Statement:\n              Effect: Allow\n              Action: "iam:*"\n              Resource: "*"\n`, errors: [{ line: 9, message: 'via iam:*' }] },
  ],
});
