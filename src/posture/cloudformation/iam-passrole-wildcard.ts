/** CloudFormation twin of tf/iam-passrole-wildcard: `iam:PassRole` on `Resource: "*"` with no condition. */
import { iamPassroleWildcard } from '../terraform/iam-passrole-wildcard.js';
import { grants } from '../terraform/policy.js';
import type { PostureHit } from '../rule.js';
import { cfnHit, twinMeta, type CfnRule } from './common.js';
import { IAM_TYPES } from './iam-ai-wildcard.js';
import { cfnStatements } from './policy.js';

const FIX = 'Statement:\n  - Effect: Allow\n    Action: iam:PassRole\n    Resource: !GetAtt SageMakerExecutionRole.Arn\n    Condition:\n      StringEquals:\n        iam:PassedToService: sagemaker.amazonaws.com';

export const cfnIamPassroleWildcard: CfnRule = {
  meta: twinMeta(iamPassroleWildcard.meta, { id: 'cfn/iam-passrole-wildcard', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html', fix: FIX, aliases: [] }),
  check(t) {
    const hits: PostureHit[] = [];
    for (const r of t.resources) {
      if (!IAM_TYPES.includes(r.type)) continue;
      for (const s of cfnStatements(r)) {
        if (s.effect !== 'Allow' || s.notActions || s.hasCondition || !s.resources.includes('*')) continue;
        const via = s.actions.filter((a) => grants(a, 'iam:PassRole'));
        if (via.length) hits.push(cfnHit(t, r, s.line, s.where, `${r.type} ${r.logicalId} allows iam:PassRole on Resource "*" (via ${via.join(', ')}) with no iam:PassedToService condition`, { evidence: `Action: ${JSON.stringify(s.actions)}, Resource: "*"` }));
      }
    }
    return hits;
  },
};
