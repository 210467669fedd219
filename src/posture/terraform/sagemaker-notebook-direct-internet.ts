/**
 * SageMaker notebook instance with direct internet access. AWS's default is `Enabled`, so a missing
 * attribute is a finding (Checkov CKV_AWS_122 passes it; it should not).
 */
import { attributeRule, REFS, refs } from './common.js';

export const sagemakerNotebookDirectInternet = attributeRule({
  meta: {
    id: 'tf/sagemaker-notebook-direct-internet',
    title: 'SageMaker notebook instance has direct internet access',
    severity: 'high',
    category: 'exposure',
    description:
      'A notebook instance with direct internet access gets a SageMaker-managed network interface with a route to the internet: code in the notebook (or anyone who gets a presigned URL) can download untrusted packages and models and exfiltrate training data without passing your VPC controls. AWS enables direct internet access unless `direct_internet_access = "Disabled"` is set, so an absent attribute means Enabled.',
    remediation: 'Set `direct_internet_access = "Disabled"` and place the notebook in a private subnet (`subnet_id`, `security_groups`) that reaches the internet only through a NAT gateway or VPC endpoints you control.',
    references: refs(REFS.exposure, ['https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance']),
    tags: ['terraform', 'aws', 'sagemaker'],
    aliases: ['CKV_AWS_122'],
  },
  types: ['aws_sagemaker_notebook_instance'],
  path: ['direct_internet_access'],
  bad: (v) => v === undefined || String(v).toLowerCase() !== 'disabled',
  missing: (r) => `SageMaker notebook ${r.address} sets no direct_internet_access: AWS's default is Enabled, so the notebook has a direct route to the internet`,
  set: (r, v) => `SageMaker notebook ${r.address} has direct_internet_access = ${JSON.stringify(v)}`,
  fix: 'resource "aws_sagemaker_notebook_instance" "lab" {\n  # ...\n  direct_internet_access = "Disabled"\n  subnet_id              = aws_subnet.private.id\n  security_groups        = [aws_security_group.notebook.id]\n}',
});
