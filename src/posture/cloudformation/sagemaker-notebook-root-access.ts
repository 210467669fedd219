/** CloudFormation twin of tf/sagemaker-notebook-root-access: the same check over AWS::SageMaker::NotebookInstance. */
import { sagemakerNotebookRootAccess } from '../terraform/sagemaker-notebook-root-access.js';
import { propertyRule } from './common.js';

const FIX = "Properties:\n  RootAccess: Disabled";
const tf = sagemakerNotebookRootAccess.meta;

export const cfnSagemakerNotebookRootAccess = propertyRule({
  meta: {
    ...tf,
    id: 'cfn/sagemaker-notebook-root-access',
    tags: ['cloudformation', ...(tf.tags ?? []).filter((x) => x !== 'terraform')],
    references: { ...tf.references, urls: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-notebookinstance.html', ...(tf.references.urls ?? []).filter((u) => !u.includes('registry.terraform.io'))] },
    remediation: `${tf.remediation.split('\n\n')[0].replace(/`[a-z_]+( = [^`]*)?`/g, 'the property')}\n\nIn CloudFormation:\n\n\`\`\`yaml\n${FIX}\n\`\`\``,
    aliases: [],
  },
  types: ["AWS::SageMaker::NotebookInstance"],
  path: ["RootAccess"],
  bad: (v) => v === undefined || String(v).toLowerCase() !== 'disabled',
  missing: (r) => `${r.type} ${r.logicalId} sets no RootAccess: AWS's default is Enabled, so every notebook user is root`,
  set: (r, v) => `${r.type} ${r.logicalId} has RootAccess ${JSON.stringify(v)}`,
  fix: FIX,
});
