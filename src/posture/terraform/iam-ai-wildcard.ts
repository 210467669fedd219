/** IAM policies that allow every Bedrock or SageMaker action on every resource. */
import type { PostureHit } from '../rule.js';
import { hitAt, REFS, refs, type TfRule } from './common.js';
import { documentStatements, policyStatements, type Statement } from './policy.js';

const POLICY_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'];
const SERVICES = ['bedrock', 'sagemaker'];

/** `bedrock:*`, `sagemaker:*` or `*` (which includes both). */
export function wildcardServices(s: Statement): string[] {
  if (s.effect !== 'Allow' || s.notActions || !s.resources.includes('*')) return [];
  const out = new Set<string>();
  for (const a of s.actions) {
    if (a === '*') SERVICES.forEach((x) => out.add(x));
    const m = /^([a-z0-9-]+):\*$/i.exec(a);
    if (m && SERVICES.includes(m[1].toLowerCase())) out.add(m[1].toLowerCase());
  }
  return [...out];
}

export const iamAiWildcard: TfRule = {
  meta: {
    id: 'tf/iam-ai-wildcard',
    title: 'IAM policy allows all Bedrock or SageMaker actions on all resources',
    severity: 'high',
    category: 'misconfiguration',
    description:
      '`bedrock:*` or `sagemaker:*` on `Resource: "*"` lets the holder invoke any model (running up cost), read or replace agents, guardrails and knowledge bases, create presigned notebook URLs, and deploy arbitrary containers with any role it can pass. AI workloads need a handful of actions on named resources.',
    remediation:
      'List the actions the workload uses and the resources it uses them on.\n\n```hcl\ndata "aws_iam_policy_document" "invoke" {\n  statement {\n    actions   = ["bedrock:InvokeModel"]\n    resources = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"]\n  }\n}\n```',
    references: refs(REFS.privilege, ['https://docs.aws.amazon.com/bedrock/latest/userguide/security-iam.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege']),
    tags: ['terraform', 'aws', 'iam'],
    aliases: ['CKV_AWS_355'],
  },
  check(mod) {
    const hits: PostureHit[] = [];
    for (const r of mod.resources) {
      const stmts = r.mode === 'data' && r.type === 'aws_iam_policy_document' ? documentStatements(mod, r.block) : POLICY_TYPES.includes(r.type) && r.mode === 'resource' ? (r.block.attributes.policy && mod.references(r.block.attributes.policy).some((a) => a.startsWith('data.aws_iam_policy_document.')) ? [] : policyStatements(mod, r.block.attributes.policy)) : [];
      stmts.forEach((s, i) => {
        const svc = wildcardServices(s);
        if (svc.length) hits.push(hitAt(r, s.line, `stmt${i}`, `${r.address} allows ${svc.map((x) => `${x}:*`).join(' and ')} on Resource "*"`, { evidence: `Action = ${JSON.stringify(s.actions)}, Resource = "*"` }));
      });
    }
    return hits;
  },
};
