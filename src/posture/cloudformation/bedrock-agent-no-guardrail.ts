/** CloudFormation twin of tf/bedrock-agent-no-guardrail: the same check over AWS::Bedrock::Agent. */
import { bedrockAgentNoGuardrail } from '../terraform/bedrock-agent-no-guardrail.js';
import { empty, propertyRule } from './common.js';

const FIX = "Properties:\n  GuardrailConfiguration:\n    GuardrailIdentifier: !GetAtt Guardrail.GuardrailId\n    GuardrailVersion: !GetAtt GuardrailVersion.Version";
const tf = bedrockAgentNoGuardrail.meta;

export const cfnBedrockAgentNoGuardrail = propertyRule({
  meta: {
    ...tf,
    id: 'cfn/bedrock-agent-no-guardrail',
    tags: ['cloudformation', ...(tf.tags ?? []).filter((x) => x !== 'terraform')],
    references: { ...tf.references, urls: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-bedrock-agent.html', ...(tf.references.urls ?? []).filter((u) => !u.includes('registry.terraform.io'))] },
    remediation: `${tf.remediation.split('\n\n')[0].replace(/`[a-z_]+( = [^`]*)?`/g, 'the property')}\n\nIn CloudFormation:\n\n\`\`\`yaml\n${FIX}\n\`\`\``,
    aliases: [],
  },
  types: ["AWS::Bedrock::Agent"],
  path: ["GuardrailConfiguration", "GuardrailIdentifier"],
  bad: (v) => empty(v),
  missing: (r) => `${r.type} ${r.logicalId} has no GuardrailConfiguration: no guardrail filters its prompts and answers`,
  set: (r) => `${r.type} ${r.logicalId} has an empty GuardrailIdentifier`,
  fix: FIX,
});
