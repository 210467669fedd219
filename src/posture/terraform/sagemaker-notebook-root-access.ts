/** SageMaker notebook instance that gives its users root (default Enabled). */
import { attributeRule, REFS, refs } from './common.js';

export const sagemakerNotebookRootAccess = attributeRule({
  meta: {
    id: 'tf/sagemaker-notebook-root-access',
    title: 'SageMaker notebook instance gives users root access',
    severity: 'medium',
    category: 'misconfiguration',
    description:
      'With root access, every notebook user can change the instance: install system packages, read other users\' files, tamper with lifecycle scripts and reach the instance role credentials unhindered. AWS enables root access unless `root_access = "Disabled"` is set, so an absent attribute means Enabled.',
    remediation: 'Set `root_access = "Disabled"`; install what notebooks need through a lifecycle configuration instead.',
    references: refs(REFS.privilege, ['https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance']),
    tags: ['terraform', 'aws', 'sagemaker'],
    aliases: ['CKV_AWS_307'],
  },
  types: ['aws_sagemaker_notebook_instance'],
  path: ['root_access'],
  bad: (v) => v === undefined || String(v).toLowerCase() !== 'disabled',
  missing: (r) => `SageMaker notebook ${r.address} sets no root_access: AWS's default is Enabled, so every notebook user is root`,
  set: (r, v) => `SageMaker notebook ${r.address} has root_access = ${JSON.stringify(v)}`,
  fix: 'resource "aws_sagemaker_notebook_instance" "lab" {\n  # ...\n  root_access = "Disabled"\n}',
});
