/** cfn/s3-bucket-public: public canned ACLs and `Principal: "*"` bucket policies fire (raised for a bucket a SageMaker resource reads); private buckets and conditioned policies stay quiet. */
import { cfnS3BucketPublic } from '../../../src/posture/cloudformation/s3-bucket-public.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

const H = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';

ruleTester(cloudFormationKind, cfnS3BucketPublic, {
  filename: 'template.yaml',
  valid: [
    `${H}  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: Private\n`,
    `${H}  Data:\n    Type: AWS::S3::Bucket\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: "*"\n            Action: s3:GetObject\n            Resource: !Sub "\${Data.Arn}/*"\n            Condition:\n              StringEquals:\n                aws:SourceVpce: vpce-1234\n`,
    `${H}  Data:\n    Type: AWS::S3::Bucket\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal:\n              AWS: !GetAtt Role.Arn\n            Action: s3:GetObject\n            Resource: !Sub "\${Data.Arn}/*"\n`,
    `${H}  Data:\n    Type: AWS::S3::Bucket\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Data\n      PolicyDocument:\n        Statement:\n          - Effect: Deny\n            Principal: "*"\n            Action: "s3:*"\n            Resource: "*"\n`,
  ],
  invalid: [
    { name: 'canned ACL PublicRead', code: `${H}  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n`, errors: [{ line: 6, message: 'canned ACL PublicRead', severity: 'high' }] },
    {
      name: 'policy Principal "*" (JSON template, AWS: "*")',
      files: { 'stack.json': JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Data: { Type: 'AWS::S3::Bucket' }, Policy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Data' }, PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' }] } } } } }, null, 2) },
      errors: [{ line: 15, message: 'S3 bucket Data: policy Policy allows s3:GetObject to Principal "*"' }],
    },
    {
      name: 'raised: a SageMaker training job reads the bucket (Sub reference)',
      code: `${H}  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicReadWrite\n  Job:\n    Type: AWS::SageMaker::Model\n    Properties:\n      PrimaryContainer:\n        ModelDataUrl: !Sub "s3://\${Data}/model.tar.gz"\n`,
      errors: [{ line: 6, message: 'an AI resource of this template reads or writes it', severity: 'critical' }],
    },
  ],
});
