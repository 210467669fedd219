/** cfn/s3-bucket-no-public-access-block: a missing block or a false/unset flag fires (raised for a bucket an AI role's policy names); all four flags true stays quiet. */
import { cfnS3BucketNoPublicAccessBlock } from '../../../src/posture/cloudformation/s3-bucket-no-public-access-block.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

const H = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
const ALL = '      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n';

ruleTester(cloudFormationKind, cfnS3BucketNoPublicAccessBlock, {
  filename: 'template.yaml',
  valid: [
    `${H}  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n${ALL}`,
    { name: 'not a template', files: { 'values.yaml': 'replicas: 2\n' } },
  ],
  invalid: [
    { name: 'no block', code: `${H}  Data:\n    Type: AWS::S3::Bucket\n`, errors: [{ line: 3, message: 'has no PublicAccessBlockConfiguration', severity: 'low' }] },
    { name: 'one flag false', code: `${H}  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n${ALL.replace('BlockPublicPolicy: true', 'BlockPublicPolicy: false')}`, errors: [{ line: 8, message: 'leaves BlockPublicPolicy unset or false' }] },
    { name: 'one flag missing', code: `${H}  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n${ALL.replace('        RestrictPublicBuckets: true\n', '')}`, errors: [{ line: 6, message: 'leaves RestrictPublicBuckets unset' }] },
    {
      name: 'raised: the notebook role policy names the bucket',
      code: `${H}  Data:\n    Type: AWS::S3::Bucket\n  Notebook:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      RoleArn: !GetAtt Role.Arn\n  Role:\n    Type: AWS::IAM::Role\n  Access:\n    Type: AWS::IAM::Policy\n    Properties:\n      Roles: [!Ref Role]\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: !Sub "\${Data.Arn}/*"\n`,
      errors: [{ line: 3, severity: 'medium', message: 'reads or writes it' }],
    },
  ],
});
