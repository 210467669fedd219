/** CloudFormation twin of tf/sagemaker-notebook-no-vpc: the same check over AWS::SageMaker::NotebookInstance. */
import { sagemakerNotebookNoVpc } from '../terraform/sagemaker-notebook-no-vpc.js';
import { empty, propertyRule } from './common.js';

const FIX = "Properties:\n  SubnetId: !Ref PrivateSubnet\n  SecurityGroupIds: [!Ref NotebookSecurityGroup]";
const tf = sagemakerNotebookNoVpc.meta;

export const cfnSagemakerNotebookNoVpc = propertyRule({
  meta: {
    ...tf,
    id: 'cfn/sagemaker-notebook-no-vpc',
    tags: ['cloudformation', ...(tf.tags ?? []).filter((x) => x !== 'terraform')],
    references: { ...tf.references, urls: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-notebookinstance.html', ...(tf.references.urls ?? []).filter((u) => !u.includes('registry.terraform.io'))] },
    remediation: `${tf.remediation.split('\n\n')[0].replace(/`[a-z_]+( = [^`]*)?`/g, 'the property')}\n\nIn CloudFormation:\n\n\`\`\`yaml\n${FIX}\n\`\`\``,
    aliases: [],
  },
  types: ["AWS::SageMaker::NotebookInstance"],
  path: ["SubnetId"],
  bad: (v) => empty(v),
  missing: (r) => `${r.type} ${r.logicalId} sets no SubnetId: it runs outside your VPC, in a SageMaker-managed network`,
  set: (r) => `${r.type} ${r.logicalId} has an empty SubnetId`,
  fix: FIX,
});
