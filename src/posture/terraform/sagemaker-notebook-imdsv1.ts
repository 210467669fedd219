/** SageMaker notebook instance that still accepts IMDSv1 (default minimum version 1). */
import { attributeRule, refs } from './common.js';

export const sagemakerNotebookImdsv1 = attributeRule({
  meta: {
    id: 'tf/sagemaker-notebook-imdsv1',
    title: 'SageMaker notebook instance allows IMDSv1',
    severity: 'medium',
    category: 'misconfiguration',
    description:
      'IMDSv1 answers plain GET requests, so a server-side request forgery in anything running on the notebook (a Jupyter extension, a model server under test) hands out the notebook role\'s credentials. The minimum metadata version defaults to 1 unless `instance_metadata_service_configuration { minimum_instance_metadata_service_version = "2" }` is set.',
    remediation: 'Require IMDSv2 with an `instance_metadata_service_configuration` block setting `minimum_instance_metadata_service_version = "2"`.',
    references: refs({ cwe: ['CWE-918'], owaspLlm: ['LLM02'], atlas: ['AML.T0012'] }, ['https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-imds.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance']),
    tags: ['terraform', 'aws', 'sagemaker'],
    aliases: ['CKV_AWS_371'],
  },
  types: ['aws_sagemaker_notebook_instance'],
  path: ['instance_metadata_service_configuration', 'minimum_instance_metadata_service_version'],
  bad: (v) => v === undefined || String(v) !== '2',
  missing: (r) => `SageMaker notebook ${r.address} sets no minimum_instance_metadata_service_version: the default is 1, so IMDSv1 stays available`,
  set: (r, v) => `SageMaker notebook ${r.address} allows IMDSv1 (minimum_instance_metadata_service_version = ${JSON.stringify(v)})`,
  fix: 'resource "aws_sagemaker_notebook_instance" "lab" {\n  # ...\n  instance_metadata_service_configuration {\n    minimum_instance_metadata_service_version = "2"\n  }\n}',
});
