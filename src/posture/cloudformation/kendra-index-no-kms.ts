/** CloudFormation twin of tf/kendra-index-no-kms: the same check over AWS::Kendra::Index. */
import { kendraIndexNoKms } from '../terraform/kendra-index-no-kms.js';
import { empty, propertyRule } from './common.js';

const FIX = "Properties:\n  ServerSideEncryptionConfiguration:\n    KmsKeyId: !Ref RagKey";
const tf = kendraIndexNoKms.meta;

export const cfnKendraIndexNoKms = propertyRule({
  meta: {
    ...tf,
    id: 'cfn/kendra-index-no-kms',
    tags: ['cloudformation', ...(tf.tags ?? []).filter((x) => x !== 'terraform')],
    references: { ...tf.references, urls: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-kendra-index.html', ...(tf.references.urls ?? []).filter((u) => !u.includes('registry.terraform.io'))] },
    remediation: `${tf.remediation.split('\n\n')[0].replace(/`[a-z_]+( = [^`]*)?`/g, 'the property')}\n\nIn CloudFormation:\n\n\`\`\`yaml\n${FIX}\n\`\`\``,
    aliases: [],
  },
  types: ["AWS::Kendra::Index"],
  path: ["ServerSideEncryptionConfiguration", "KmsKeyId"],
  bad: (v) => empty(v),
  missing: (r) => `${r.type} ${r.logicalId} sets no ServerSideEncryptionConfiguration.KmsKeyId: it is encrypted with an AWS-owned key`,
  set: (r) => `${r.type} ${r.logicalId} has an empty KmsKeyId`,
  fix: FIX,
});
