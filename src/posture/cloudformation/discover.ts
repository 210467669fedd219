/**
 * Inventory of a CloudFormation template: the AWS AI services it declares and the buckets that can
 * hold their data, with the ids the `cfn/*` rules point at (`cfn:<path>#<LogicalId>`), so that every
 * finding names an asset of the BOM.
 */
import type { Asset } from '../../core/model.js';
import { cfnAssetId, type CfnTemplate } from '../../documents/cloudformation/index.js';

/** Resource type prefixes of AWS AI services, with the service name shown in the inventory. */
const AI_SERVICES: [string, string][] = [
  ['AWS::SageMaker::', 'SageMaker'],
  ['AWS::Bedrock::', 'Bedrock'],
  ['AWS::Comprehend::', 'Comprehend'],
  ['AWS::Kendra::', 'Kendra'],
  ['AWS::Lex::', 'Lex'],
  ['AWS::Rekognition::', 'Rekognition'],
  ['AWS::Textract::', 'Textract'],
];

export function discoverCloudFormation(t: CfnTemplate): Asset[] {
  const out: Asset[] = [];
  for (const r of t.resources) {
    const service = AI_SERVICES.find(([prefix]) => r.type.startsWith(prefix))?.[1];
    const bucket = r.type === 'AWS::S3::Bucket';
    if (!service && !bucket) continue;
    out.push({
      id: cfnAssetId(t, r.logicalId),
      kind: service ? 'ai-service' : 'cloud-resource',
      name: r.logicalId,
      locations: [{ path: t.path, startLine: r.line }],
      properties: { provider: 'aws', resourceType: r.type, ...(service ? { service } : {}), definedIn: 'cloudformation' },
      relations: [],
      confidence: 1,
    });
  }
  return out;
}
