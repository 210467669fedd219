/** CloudFormation twin of tf/bedrock-agent-no-customer-key: the same check over AWS::Bedrock::Agent. */
import { bedrockAgentNoCustomerKey } from '../terraform/bedrock-agent-no-customer-key.js';
import { empty, propertyRule } from './common.js';

const FIX = "Properties:\n  CustomerEncryptionKeyArn: !GetAtt AgentKey.Arn";
const tf = bedrockAgentNoCustomerKey.meta;

export const cfnBedrockAgentNoCustomerKey = propertyRule({
  meta: {
    ...tf,
    id: 'cfn/bedrock-agent-no-customer-key',
    tags: ['cloudformation', ...(tf.tags ?? []).filter((x) => x !== 'terraform')],
    references: { ...tf.references, urls: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-bedrock-agent.html', ...(tf.references.urls ?? []).filter((u) => !u.includes('registry.terraform.io'))] },
    remediation: `${tf.remediation.split('\n\n')[0].replace(/`[a-z_]+( = [^`]*)?`/g, 'the property')}\n\nIn CloudFormation:\n\n\`\`\`yaml\n${FIX}\n\`\`\``,
    aliases: ["CKV_AWS_373"],
  },
  types: ["AWS::Bedrock::Agent"],
  path: ["CustomerEncryptionKeyArn"],
  bad: (v) => empty(v),
  missing: (r) => `${r.type} ${r.logicalId} sets no CustomerEncryptionKeyArn: it is encrypted with an AWS-owned key`,
  set: (r) => `${r.type} ${r.logicalId} has an empty CustomerEncryptionKeyArn`,
  fix: FIX,
});
