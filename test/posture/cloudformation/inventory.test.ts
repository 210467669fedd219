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
  it('AI services and buckets are assets, and every finding points at one', async () => {
    const res = await runPipeline(target({ 'infra/stack.yaml': TEMPLATE }), { analyzers: [cloudFormationPostureAnalyzer] });
    const ids = new Set(res.assets.map((a) => a.id));
    expect(res.assets.map((a) => [a.id, a.kind, a.locations[0].startLine]).sort()).toEqual([
      ['cfn:infra/stack.yaml#Notebook', 'ai-service', 5],
      ['cfn:infra/stack.yaml#TrainingData', 'cloud-resource', 3],
    ]);
    expect(res.findings.length).toBeGreaterThan(0);
    for (const f of res.findings) expect(ids.has(f.assetId!), `${f.ruleId} → ${f.assetId}`).toBe(true);
  });
});
