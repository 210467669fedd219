/** CloudFormation twin of tf/sagemaker-endpoint-config-no-kms: the same check over AWS::SageMaker::EndpointConfig. */
import { sagemakerEndpointConfigNoKms } from '../terraform/sagemaker-endpoint-config-no-kms.js';
import { empty, propertyRule } from './common.js';

const FIX = "Properties:\n  KmsKeyId: !Ref MlKey";
const tf = sagemakerEndpointConfigNoKms.meta;

export const cfnSagemakerEndpointConfigNoKms = propertyRule({
  meta: {
    ...tf,
    id: 'cfn/sagemaker-endpoint-config-no-kms',
    tags: ['cloudformation', ...(tf.tags ?? []).filter((x) => x !== 'terraform')],
    references: { ...tf.references, urls: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-endpointconfig.html', ...(tf.references.urls ?? []).filter((u) => !u.includes('registry.terraform.io'))] },
    remediation: `${tf.remediation.split('\n\n')[0].replace(/`[a-z_]+( = [^`]*)?`/g, 'the property')}\n\nIn CloudFormation:\n\n\`\`\`yaml\n${FIX}\n\`\`\``,
    aliases: [],
  },
  types: ["AWS::SageMaker::EndpointConfig"],
  path: ["KmsKeyId"],
  bad: (v) => empty(v),
  missing: (r) => `${r.type} ${r.logicalId} sets no KmsKeyId: instance volumes holding the model use an AWS-managed key`,
  set: (r) => `${r.type} ${r.logicalId} has an empty KmsKeyId`,
  fix: FIX,
});
