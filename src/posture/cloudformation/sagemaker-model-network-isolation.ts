/** CloudFormation twin of tf/sagemaker-model-network-isolation: the same check over AWS::SageMaker::Model. */
import { sagemakerModelNetworkIsolation } from '../terraform/sagemaker-model-network-isolation.js';
import { propertyRule } from './common.js';

const FIX = "Properties:\n  EnableNetworkIsolation: true";
const tf = sagemakerModelNetworkIsolation.meta;

export const cfnSagemakerModelNetworkIsolation = propertyRule({
  meta: {
    ...tf,
    id: 'cfn/sagemaker-model-network-isolation',
    tags: ['cloudformation', ...(tf.tags ?? []).filter((x) => x !== 'terraform')],
    references: { ...tf.references, urls: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-model.html', ...(tf.references.urls ?? []).filter((u) => !u.includes('registry.terraform.io'))] },
    remediation: `${tf.remediation.split('\n\n')[0].replace(/`[a-z_]+( = [^`]*)?`/g, 'the property')}\n\nIn CloudFormation:\n\n\`\`\`yaml\n${FIX}\n\`\`\``,
    aliases: [],
  },
  types: ["AWS::SageMaker::Model"],
  path: ["EnableNetworkIsolation"],
  bad: (v) => v !== true && v !== 'true',
  missing: (r) => `${r.type} ${r.logicalId} sets no EnableNetworkIsolation: the default is false, so its containers can reach the network`,
  set: (r, v) => `${r.type} ${r.logicalId} has EnableNetworkIsolation ${JSON.stringify(v)}`,
  fix: FIX,
});
