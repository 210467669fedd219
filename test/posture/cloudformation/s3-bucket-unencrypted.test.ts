/** cfn/s3-bucket-unencrypted: missing property (default applies) and a bad value fire, in YAML and JSON; the fixed template stays quiet. */
import { cfnS3BucketUnencrypted } from '../../../src/posture/cloudformation/s3-bucket-unencrypted.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(cloudFormationKind, cfnS3BucketUnencrypted, {
  filename: 'template.yaml',
  valid: ["AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::S3::Bucket\n    Properties:\n      Name: x\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n", { name: 'not a template', files: { 'values.yaml': 'replicas: 2\n' } }],
  invalid: [
    { name: 'property missing', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::S3::Bucket\n    Properties:\n      Name: x\n", errors: [{ line: 3, message: "declares no BucketEncryption" }] },
    { name: 'bad value', code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Thing:\n    Type: AWS::S3::Bucket\n    Properties:\n      Name: x\n      BucketEncryption:\n        ServerSideEncryptionConfiguration: []\n", errors: [{ line: 8 }] },
    { name: 'JSON template', files: { 'stack.json': "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"Thing\": {\n      \"Type\": \"AWS::S3::Bucket\",\n      \"Properties\": {\n        \"Name\": \"x\"\n      }\n    }\n  }\n}" }, errors: [{ line: 4, message: "declares no BucketEncryption" }] },
    {
      name: 'raised: a Bedrock knowledge-base data source reads the bucket (GetAtt)',
      code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Docs:\n    Type: AWS::S3::Bucket\n  Source:\n    Type: AWS::Bedrock::DataSource\n    Properties:\n      DataSourceConfiguration:\n        Type: S3\n        S3Configuration:\n          BucketArn: !GetAtt Docs.Arn\n",
      errors: [{ line: 3, severity: 'high', message: 'an AI resource of this template reads or writes it' }],
    },
    {
      name: 'not raised: the SageMaker model names another bucket',
      code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-logs\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      PrimaryContainer:\n        ModelDataUrl: s3://acme-model-artifacts/llm/model.tar.gz\n",
      errors: [{ line: 3, severity: 'medium' }],
    },
    {
      name: 'raised: a SageMaker model names the bucket by its literal name in an s3:// URI',
      code: "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Artifacts:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-model-artifacts\n  Model:\n    Type: AWS::SageMaker::Model\n    Properties:\n      PrimaryContainer:\n        ModelDataUrl: s3://acme-model-artifacts/llm/model.tar.gz\n",
      errors: [{ line: 3, severity: 'high' }],
    },
  ],
});
