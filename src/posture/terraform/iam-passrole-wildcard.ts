/** IAM policies that allow iam:PassRole on every role. */
import type { PostureHit } from '../rule.js';
import { hitAt, REFS, refs, type TfRule } from './common.js';
import { documentStatements, grants, policyStatements } from './policy.js';

const POLICY_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'];

export const iamPassroleWildcard: TfRule = {
  meta: {
    id: 'tf/iam-passrole-wildcard',
    title: 'IAM policy allows iam:PassRole on all roles',
    severity: 'high',
    category: 'misconfiguration',
    description:
      '`iam:PassRole` on `Resource: "*"` lets the holder hand any role of the account to a service it can start: a SageMaker notebook, training job or Bedrock agent created with an administrator role runs attacker code with that role. This is the classic privilege-escalation path through AI services.',
    remediation:
      'Allow PassRole only for the execution roles the workload creates jobs with, and only to the service that needs them.\n\n```hcl\nstatement {\n  actions   = ["iam:PassRole"]\n  resources = [aws_iam_role.sagemaker_execution.arn]\n  condition {\n    test     = "StringEquals"\n    variable = "iam:PassedToService"\n    values   = ["sagemaker.amazonaws.com"]\n  }\n}\n```',
    references: refs(REFS.privilege, ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html', 'https://docs.aws.amazon.com/sagemaker/latest/dg/security_iam_id-based-policy-examples.html']),
    tags: ['terraform', 'aws', 'iam'],
    aliases: ['CKV_AWS_286'],
  },
  check(mod) {
    const hits: PostureHit[] = [];
    for (const r of mod.resources) {
      const viaDoc = r.block.attributes.policy && mod.references(r.block.attributes.policy).some((a) => a.startsWith('data.aws_iam_policy_document.'));
      const stmts = r.mode === 'data' && r.type === 'aws_iam_policy_document' ? documentStatements(mod, r.block) : POLICY_TYPES.includes(r.type) && r.mode === 'resource' && !viaDoc ? policyStatements(mod, r.block.attributes.policy) : [];
      stmts.forEach((s, i) => {
        if (s.effect !== 'Allow' || s.notActions || s.hasCondition || !s.resources.includes('*')) return;
        if (!s.actions.some((a) => grants(a, 'iam:PassRole'))) return;
        hits.push(hitAt(r, s.line, `stmt${i}`, `${r.address} allows iam:PassRole on Resource "*" (via ${s.actions.filter((a) => grants(a, 'iam:PassRole')).join(', ')}) with no iam:PassedToService condition`, { evidence: `Action = ${JSON.stringify(s.actions)}, Resource = "*"` }));
      });
    }
    return hits;
  },
};
