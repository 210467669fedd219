/** The CloudFormation document: short-form tags in long form, parameter defaults, lines, non-templates. */
import { describe, expect, it } from 'vitest';
import { parseCloudFormation } from '../../src/documents/cloudformation/index.js';
import { propertyAt } from '../../src/posture/cloudformation/common.js';

describe('cloudformation document', () => {
  const src = 'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Access:\n    Type: String\n    Default: Enabled\nResources:\n  Nb:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      DirectInternetAccess: !Ref Access\n      RoleArn: !GetAtt Role.Arn\n      Name: !Sub "${AWS::StackName}-nb"\n      Tags: !If [IsProd, [], []]\n';
  it('reads resources with lines and intrinsic functions', () => {
    const { document, notes } = parseCloudFormation('t.yaml', src);
    expect(notes).toEqual([]);
    const [nb] = document!.resources;
    expect([nb.logicalId, nb.type, nb.line, nb.lineOf(['RoleArn'])]).toEqual(['Nb', 'AWS::SageMaker::NotebookInstance', 7, 11]);
    expect(nb.properties.RoleArn).toEqual({ 'Fn::GetAtt': ['Role', 'Arn'] });
    expect(nb.properties.Name).toEqual({ 'Fn::Sub': '${AWS::StackName}-nb' });
    expect(propertyAt(document!, nb, ['DirectInternetAccess']).value).toBe('Enabled');
  });
  it('ignores YAML that is no template, and gives a note for broken YAML', () => {
    expect(parseCloudFormation('v.yaml', 'replicas: 2\n')).toEqual({});
    expect(parseCloudFormation('b.yaml', 'AWSTemplateFormatVersion: x\nResources: [\n').notes?.[0]).toMatch(/line/);
  });
  it('does not expand aliases (no YAML bombs)', () => {
    const bomb = 'AWSTemplateFormatVersion: x\nx: &a [1,2,3]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *b\n';
    const { document } = parseCloudFormation('bomb.yaml', bomb);
    expect(document!.resources[0].properties.Tags).toBeUndefined();
  });
});
