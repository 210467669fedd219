/** CloudFormation twin of tf/sagemaker-domain-no-kms: the same check over AWS::SageMaker::Domain. */
import { sagemakerDomainNoKms } from '../terraform/sagemaker-domain-no-kms.js';
import { empty, propertyRule } from './common.js';

const FIX = "Properties:\n  KmsKeyId: !Ref MlKey";
const tf = sagemakerDomainNoKms.meta;

export const cfnSagemakerDomainNoKms = propertyRule({
  meta: {
    ...tf,
    id: 'cfn/sagemaker-domain-no-kms',
    tags: ['cloudformation', ...(tf.tags ?? []).filter((x) => x !== 'terraform')],
    references: { ...tf.references, urls: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-domain.html', ...(tf.references.urls ?? []).filter((u) => !u.includes('registry.terraform.io'))] },
    remediation: `${tf.remediation.split('\n\n')[0].replace(/`[a-z_]+( = [^`]*)?`/g, 'the property')}\n\nIn CloudFormation:\n\n\`\`\`yaml\n${FIX}\n\`\`\``,
    aliases: ["CKV_AWS_187"],
  },
  types: ["AWS::SageMaker::Domain"],
  path: ["KmsKeyId"],
  bad: (v) => empty(v),
  missing: (r) => `${r.type} ${r.logicalId} sets no KmsKeyId: its EFS volume uses an AWS-managed key`,
  set: (r) => `${r.type} ${r.logicalId} has an empty KmsKeyId`,
  fix: FIX,
});
