/** SageMaker model whose containers may make outbound calls (network isolation off by default). */
import { attributeRule, refs } from './common.js';

export const sagemakerModelNetworkIsolation = attributeRule({
  meta: {
    id: 'tf/sagemaker-model-network-isolation',
    title: 'SageMaker model runs without network isolation',
    severity: 'medium',
    category: 'exposure',
    description:
      'Without `enable_network_isolation = true` (default false) the inference containers can open outbound connections: a malicious or compromised model (pickle payloads, `trust_remote_code`) can download more code or send inputs and outputs elsewhere.',
    remediation: 'Set `enable_network_isolation = true`; SageMaker still downloads the model artifacts from S3 for the container.',
    references: refs({ cwe: ['CWE-668'], owaspLlm: ['LLM03', 'LLM02'], atlas: ['AML.T0010', 'AML.T0025'] }, ['https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_model']),
    tags: ['terraform', 'aws', 'sagemaker'],
    aliases: ['CKV_AWS_370'],
  },
  types: ['aws_sagemaker_model'],
  path: ['enable_network_isolation'],
  bad: (v) => v !== true && v !== 'true',
  missing: (r) => `SageMaker model ${r.address} sets no enable_network_isolation: the default is false, so its containers can reach the network`,
  set: (r, v) => `SageMaker model ${r.address} has enable_network_isolation = ${JSON.stringify(v)}`,
  fix: 'resource "aws_sagemaker_model" "m" {\n  # ...\n  enable_network_isolation = true\n}',
});
