/** Edge kind: CloudFormation notebook → role → policy → bucket, in one template. */
import { describe, expect, it } from 'vitest';
import { cloudFormationKind, type CfnTemplate } from '../../src/documents/cloudformation/index.js';
import { edgesOf, infra } from './helpers.js';

const cfn = (text: string): { path: string; document: CfnTemplate }[] => [{ path: 'stack.yaml', document: cloudFormationKind.parse({ path: 'stack.yaml', text }).document! }];

const BASE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  TrainingData:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-training-data
  NotebookRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: !GetAtt NotebookRole.Arn
`;

describe('edge: CloudFormation compute → role → bucket', () => {
  it('a policy naming the role and the bucket joins them', () => {
    const policy = `  ReadData:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: read
      Roles: [!Ref NotebookRole]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: [s3:GetObject]
            Resource: !Sub "\${TrainingData.Arn}/*"
`;
    const assets = infra({ cloudformation: cfn(BASE + policy) });
    expect(edgesOf(assets)).toEqual([
      'cfn:stack.yaml#Notebook -assumes-> cfn:stack.yaml#NotebookRole',
      'cfn:stack.yaml#NotebookRole -grants-> cfn:stack.yaml#TrainingData',
    ]);
    expect(assets.find((a) => a.id === 'cfn:stack.yaml#TrainingData')?.properties.resourceName).toBe('acme-training-data');
  });
  it('inline role policies with bedrock:InvokeModel open the Bedrock account', () => {
    const role = BASE.replace('      AssumeRolePolicyDocument: {}\n', '      AssumeRolePolicyDocument: {}\n      Policies:\n        - PolicyName: llm\n          PolicyDocument:\n            Statement: [{Effect: Allow, Action: "bedrock:*", Resource: "*"}]\n');
    expect(edgesOf(infra({ cloudformation: cfn(role) }))).toContain('cfn:stack.yaml#NotebookRole -grants-> llm-provider:bedrock');
  });
  it('without a policy the role reaches nothing', () => {
    expect(edgesOf(infra({ cloudformation: cfn(BASE) }))).toEqual(['cfn:stack.yaml#Notebook -assumes-> cfn:stack.yaml#NotebookRole']);
  });
});
