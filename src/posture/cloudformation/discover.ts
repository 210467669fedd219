/**
 * Inventory of a CloudFormation template: the AWS AI services it declares, the buckets that can hold
 * their data, and the IAM identities of AI workloads, with the ids the `cfn/*` rules point at
 * (`cfn:<path>#<LogicalId>`), so that every finding names an asset of the BOM.
 */
import type { Asset, Relation } from '../../core/model.js';
import { cfnAssetId, type CfnResource, type CfnTemplate } from '../../documents/cloudformation/index.js';
import { grants } from '../terraform/policy.js';
import { IAM_TYPES } from './iam-ai-wildcard.js';
import { cfnStatements } from './policy.js';
import { aiRoles, policiesOfRoles, referencesIn } from './refs.js';

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

/** An IAM resource that grants AI actions (`bedrock:`, `sagemaker:`, `*`) or `iam:PassRole`. */
function grantsAi(r: CfnResource): boolean {
  return cfnStatements(r).some((s) => s.effect === 'Allow' && s.actions.some((a) => /^(?:bedrock|sagemaker|\*)/i.test(a) || grants(a, 'iam:PassRole')));
}

export function discoverCloudFormation(t: CfnTemplate): Asset[] {
  const out: Asset[] = [];
  const roles = aiRoles(t);
  const identities = new Set(policiesOfRoles(t, roles).map((r) => r.logicalId));
  const byId = new Map(t.resources.map((r) => [r.logicalId, r]));
  for (const r of t.resources) {
    const service = AI_SERVICES.find(([prefix]) => r.type.startsWith(prefix))?.[1];
    const bucket = r.type === 'AWS::S3::Bucket';
    const identity = IAM_TYPES.includes(r.type) && (identities.has(r.logicalId) || grantsAi(r));
    if (!service && !bucket && !identity) continue;
    // An AI service runs as the roles it names (`RoleArn: !GetAtt Role.Arn`).
    const relations: Relation[] = service ? referencesIn(r.properties).filter((id) => byId.get(id)?.type === 'AWS::IAM::Role').sort().map((id) => ({ type: 'assumes', target: cfnAssetId(t, id) })) : [];
    out.push({
      id: cfnAssetId(t, r.logicalId),
      kind: service ? 'ai-service' : 'cloud-resource',
      name: r.logicalId,
      locations: [{ path: t.path, startLine: r.line }],
      properties: { provider: 'aws', resourceType: r.type, ...(service ? { service } : identity ? { service: 'IAM' } : {}), definedIn: 'cloudformation' },
      relations,
      confidence: 1,
    });
  }
  return out;
}
