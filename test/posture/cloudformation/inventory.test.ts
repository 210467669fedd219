/** Every `cfn/*` finding names an asset of the inventory (issue 11.5: assetIds for attack paths). */
import { describe, expect, it } from 'vitest';
import type { FileInfo, ScanFile } from '../../../src/core/analyzer.js';
import { bufferFile } from '../../../src/core/buffer-file.js';
import type { Target } from '../../../src/core/target.js';
import { runPipeline } from '../../../src/pipeline/scan.js';
import { cloudFormationPostureAnalyzer } from '../../../src/posture/cloudformation/analyzer.js';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TrainingData:
    Type: AWS::S3::Bucket
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: !GetAtt NotebookRole.Arn
  NotebookRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
`;

function target(files: Record<string, string>): Target {
  const made = new Map<string, ScanFile>(Object.entries(files).map(([p, c]) => [p, bufferFile(p, c)]));
  return {
    name: 'mem', type: 'directory', notes: [],
    index: async () => [...made.values()].map((f): FileInfo => ({ path: f.path, name: f.name, ext: f.ext, size: f.size })),
    async *open(list) {
      for (const f of list) yield made.get(f.path)!;
    },
    get: (p) => made.get(p),
  };
}

describe('CloudFormation inventory', () => {
  it('AI services, buckets and the roles AI services run as are assets, and every finding points at one', async () => {
    const res = await runPipeline(target({ 'infra/stack.yaml': TEMPLATE }), { analyzers: [cloudFormationPostureAnalyzer] });
    const ids = new Set(res.assets.map((a) => a.id));
    expect(res.assets.map((a) => [a.id, a.kind, a.locations[0].startLine]).sort()).toEqual([
      ['cfn:infra/stack.yaml#Notebook', 'ai-service', 5],
      ['cfn:infra/stack.yaml#NotebookRole', 'cloud-resource', 10],
      ['cfn:infra/stack.yaml#TrainingData', 'cloud-resource', 3],
    ]);
    // The notebook runs as its role: a BOM relation the attack paths can follow.
    expect(res.assets.find((a) => a.id === 'cfn:infra/stack.yaml#Notebook')?.relations).toEqual([{ type: 'assumes', target: 'cfn:infra/stack.yaml#NotebookRole' }]);
    expect(res.findings.length).toBeGreaterThan(0);
    for (const f of res.findings) expect(ids.has(f.assetId!), `${f.ruleId} → ${f.assetId}`).toBe(true);
  });
});

describe('CloudFormation inventory of IAM', () => {
  it('a policy granting AI actions or PassRole is an asset, so IAM findings name one; an unrelated role is not', async () => {
    const res = await runPipeline(target({ 'iam.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Wide:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: ["bedrock:*", "iam:PassRole"]
            Resource: "*"
  Web:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: logs
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: logs:PutLogEvents
                Resource: "*"
` }), { analyzers: [cloudFormationPostureAnalyzer] });
    expect(res.assets.map((a) => a.id)).toEqual(['cfn:iam.yaml#Wide']);
    expect(res.findings.map((f) => f.ruleId).sort()).toEqual(['cfn/iam-ai-wildcard', 'cfn/iam-passrole-wildcard']);
    for (const f of res.findings) expect(f.assetId).toBe('cfn:iam.yaml#Wide');
  });
});
