/** Edge kind: CloudFormation notebook → role → policy → bucket, in one template. */
import { describe, expect, it } from 'vitest';
import { cloudFormationKind, type CfnTemplate } from '../../src/documents/cloudformation/index.js';
import { edgesOf, infra, k8s } from './helpers.js';

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

describe('edge: IRSA annotation → CloudFormation role (by RoleName)', () => {
  it('resolves the role ARN to the template role', () => {
    const named = BASE.replace('      AssumeRolePolicyDocument: {}\n', '      RoleName: ml-notebook\n      AssumeRolePolicyDocument: {}\n');
    const sa = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: nb\n  namespace: ml\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::1:role/ml-notebook\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ml}\nspec:\n  serviceAccountName: nb\n  containers: [{name: c, image: x}]\n';
    expect(edgesOf(infra({ cloudformation: cfn(named), kubernetes: k8s({ 'sa.yaml': sa }) }))).toContain('k8s:ml/ServiceAccount/nb -assumes-> cfn:stack.yaml#NotebookRole');
  });
});
