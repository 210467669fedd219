/** CloudFormation twin of tf/sagemaker-notebook-direct-internet: the same check over AWS::SageMaker::NotebookInstance. */
import { sagemakerNotebookDirectInternet } from '../terraform/sagemaker-notebook-direct-internet.js';
import { propertyRule } from './common.js';

const FIX = "Type: AWS::SageMaker::NotebookInstance\nProperties:\n  DirectInternetAccess: Disabled\n  SubnetId: !Ref PrivateSubnet\n  SecurityGroupIds: [!Ref NotebookSecurityGroup]";
const tf = sagemakerNotebookDirectInternet.meta;

export const cfnSagemakerNotebookDirectInternet = propertyRule({
  meta: {
    ...tf,
    id: 'cfn/sagemaker-notebook-direct-internet',
    tags: ['cloudformation', ...(tf.tags ?? []).filter((x) => x !== 'terraform')],
    references: { ...tf.references, urls: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-notebookinstance.html', ...(tf.references.urls ?? []).filter((u) => !u.includes('registry.terraform.io'))] },
    remediation: `${tf.remediation.split('\n\n')[0].replace(/`[a-z_]+( = [^`]*)?`/g, 'the property')}\n\nIn CloudFormation:\n\n\`\`\`yaml\n${FIX}\n\`\`\``,
    aliases: [],
  },
  types: ["AWS::SageMaker::NotebookInstance"],
  path: ["DirectInternetAccess"],
  bad: (v) => v === undefined || String(v).toLowerCase() !== 'disabled',
  missing: (r) => `${r.type} ${r.logicalId} sets no DirectInternetAccess: AWS's default is Enabled, so the notebook has a direct route to the internet`,
  set: (r, v) => `${r.type} ${r.logicalId} has DirectInternetAccess ${JSON.stringify(v)}`,
  fix: FIX,
});
