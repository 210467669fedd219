/** CloudFormation twin of tf/sagemaker-notebook-imdsv1: the same check over AWS::SageMaker::NotebookInstance. */
import { sagemakerNotebookImdsv1 } from '../terraform/sagemaker-notebook-imdsv1.js';
import { propertyRule } from './common.js';

const FIX = "Properties:\n  InstanceMetadataServiceConfiguration:\n    MinimumInstanceMetadataServiceVersion: \"2\"";
const tf = sagemakerNotebookImdsv1.meta;

export const cfnSagemakerNotebookImdsv1 = propertyRule({
  meta: {
    ...tf,
    id: 'cfn/sagemaker-notebook-imdsv1',
    tags: ['cloudformation', ...(tf.tags ?? []).filter((x) => x !== 'terraform')],
    references: { ...tf.references, urls: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-notebookinstance.html', ...(tf.references.urls ?? []).filter((u) => !u.includes('registry.terraform.io'))] },
    remediation: `${tf.remediation.split('\n\n')[0].replace(/`[a-z_]+( = [^`]*)?`/g, 'the property')}\n\nIn CloudFormation:\n\n\`\`\`yaml\n${FIX}\n\`\`\``,
    aliases: ["CKV_AWS_371"],
  },
  types: ["AWS::SageMaker::NotebookInstance"],
  path: ["InstanceMetadataServiceConfiguration", "MinimumInstanceMetadataServiceVersion"],
  bad: (v) => v === undefined || String(v) !== '2',
  missing: (r) => `${r.type} ${r.logicalId} sets no MinimumInstanceMetadataServiceVersion: the default is 1, so IMDSv1 stays available`,
  set: (r, v) => `${r.type} ${r.logicalId} allows IMDSv1 (MinimumInstanceMetadataServiceVersion ${JSON.stringify(v)})`,
  fix: FIX,
});
