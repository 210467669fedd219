/** SageMaker notebook instance outside a customer VPC (no subnet_id). */
import { attributeRule, REFS, refs } from './common.js';

export const sagemakerNotebookNoVpc = attributeRule({
  meta: {
    id: 'tf/sagemaker-notebook-no-vpc',
    title: 'SageMaker notebook instance is not placed in a VPC subnet',
    severity: 'medium',
    category: 'exposure',
    description:
      'Without `subnet_id` the notebook runs in a SageMaker-managed network: no security group, VPC flow log or endpoint policy of yours applies to what it reaches, and direct internet access cannot be disabled.',
    remediation: 'Set `subnet_id` to a private subnet and `security_groups` to a group that allows only the traffic the notebook needs.',
    references: refs(REFS.exposure, ['https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance']),
    tags: ['terraform', 'aws', 'sagemaker'],
    aliases: ['CKV_AWS_306'],
  },
  types: ['aws_sagemaker_notebook_instance'],
  path: ['subnet_id'],
  bad: (v) => v === undefined || v === null || v === '',
  missing: (r) => `SageMaker notebook ${r.address} sets no subnet_id: it runs outside your VPC, in a SageMaker-managed network`,
  set: (r) => `SageMaker notebook ${r.address} has an empty subnet_id`,
  fix: 'resource "aws_sagemaker_notebook_instance" "lab" {\n  # ...\n  subnet_id       = aws_subnet.private.id\n  security_groups = [aws_security_group.notebook.id]\n}',
});
