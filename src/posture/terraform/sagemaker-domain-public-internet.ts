/** SageMaker domain whose apps reach the internet directly (default PublicInternetOnly). */
import { attributeRule, REFS, refs } from './common.js';

export const sagemakerDomainPublicInternet = attributeRule({
  meta: {
    id: 'tf/sagemaker-domain-public-internet',
    title: 'SageMaker domain apps have direct internet access',
    severity: 'high',
    category: 'exposure',
    description:
      'With `app_network_access_type = "PublicInternetOnly"` (the default when the attribute is absent) Studio apps of the domain send non-EFS traffic through a SageMaker-managed VPC with internet access, bypassing your VPC\'s security groups, endpoints and egress controls.',
    remediation: 'Set `app_network_access_type = "VpcOnly"` with private `subnet_ids` and VPC endpoints (or a NAT gateway) for what the apps need.',
    references: refs(REFS.exposure, ['https://docs.aws.amazon.com/sagemaker/latest/dg/studio-notebooks-and-internet-access.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_domain']),
    tags: ['terraform', 'aws', 'sagemaker'],
  },
  types: ['aws_sagemaker_domain'],
  path: ['app_network_access_type'],
  bad: (v) => v === undefined || v === 'PublicInternetOnly',
  missing: (r) => `SageMaker domain ${r.address} sets no app_network_access_type: the default is PublicInternetOnly`,
  set: (r, v) => `SageMaker domain ${r.address} has app_network_access_type = ${JSON.stringify(v)}`,
  fix: 'resource "aws_sagemaker_domain" "studio" {\n  # ...\n  app_network_access_type = "VpcOnly"\n  subnet_ids              = aws_subnet.private[*].id\n}',
});
