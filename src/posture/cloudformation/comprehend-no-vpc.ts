/** CloudFormation twin of tf/comprehend-no-vpc: `AWS::Comprehend::DocumentClassifier` `VpcConfig`, `AWS::Comprehend::Flywheel` `DataSecurityConfig.VpcConfig`. */
import { comprehendNoVpc } from '../terraform/comprehend-no-vpc.js';
import type { PostureHit } from '../rule.js';
import { cfnHit, intrinsic, propertyAt, twinMeta, type CfnRule } from './common.js';

const FIX = 'Type: AWS::Comprehend::DocumentClassifier\nProperties:\n  VpcConfig:\n    Subnets: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n    SecurityGroupIds: [!Ref ComprehendSecurityGroup]';
const PATHS: Record<string, string[]> = { 'AWS::Comprehend::DocumentClassifier': ['VpcConfig'], 'AWS::Comprehend::Flywheel': ['DataSecurityConfig', 'VpcConfig'] };

export const cfnComprehendNoVpc: CfnRule = {
  meta: twinMeta(comprehendNoVpc.meta, { id: 'cfn/comprehend-no-vpc', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-comprehend-documentclassifier-vpcconfig.html', fix: FIX, aliases: [] }),
  check(t) {
    const hits: PostureHit[] = [];
    for (const r of t.resources) {
      const path = PATHS[r.type];
      if (!path) continue;
      const { present, value } = propertyAt(t, r, path);
      if (present && intrinsic(value)) continue;
      const subnets = present && value && typeof value === 'object' ? (value as Record<string, unknown>).Subnets : undefined;
      if (intrinsic(subnets) || (Array.isArray(subnets) && subnets.length > 0)) continue;
      const name = path.join('.');
      hits.push(cfnHit(t, r, present ? r.lineOf(path) : r.line, name, present ? `${r.type} ${r.logicalId} has a ${name} without Subnets` : `${r.type} ${r.logicalId} sets no ${name}: training runs in an AWS-managed network, outside your VPC`));
    }
    return hits;
  },
};
