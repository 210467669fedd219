/** CloudFormation twin of tf/iam-ai-wildcard: `bedrock:*` / `sagemaker:*` (or `*`) on `Resource: "*"` in an IAM policy, role, user or group. */
import { iamAiWildcard, wildcardServices } from '../terraform/iam-ai-wildcard.js';
import type { PostureHit } from '../rule.js';
import { cfnHit, twinMeta, type CfnRule } from './common.js';
import { cfnStatements } from './policy.js';

const FIX = 'PolicyDocument:\n  Version: "2012-10-17"\n  Statement:\n    - Effect: Allow\n      Action: bedrock:InvokeModel\n      Resource: !Sub arn:aws:bedrock:${AWS::Region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0';

export const IAM_TYPES = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::RolePolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy'];

export const cfnIamAiWildcard: CfnRule = {
  meta: twinMeta(iamAiWildcard.meta, { id: 'cfn/iam-ai-wildcard', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-policy.html', fix: FIX, aliases: [] }),
  check(t) {
    const hits: PostureHit[] = [];
    for (const r of t.resources) {
      if (!IAM_TYPES.includes(r.type)) continue;
      for (const s of cfnStatements(r)) {
        const svc = wildcardServices(s);
        if (svc.length) hits.push(cfnHit(t, r, s.line, s.where, `${r.type} ${r.logicalId} allows ${svc.map((x) => `${x}:*`).join(' and ')} on Resource "*"`, { evidence: `Action: ${JSON.stringify(s.actions)}, Resource: "*"` }));
      }
    }
    return hits;
  },
};
