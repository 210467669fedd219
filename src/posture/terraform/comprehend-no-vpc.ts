/** Comprehend custom model training (entity recognizer, document classifier) outside the customer's VPC. */
import { nested } from '../../documents/terraform/index.js';
import type { PostureHit } from '../rule.js';
import { hitAt, REFS, refs, unknown, type TfRule } from './common.js';

export const comprehendNoVpc: TfRule = {
  meta: {
    id: 'tf/comprehend-no-vpc',
    title: 'Comprehend custom model trains outside your VPC',
    severity: 'low',
    category: 'misconfiguration',
    description:
      'Training a custom Comprehend model reads your labelled documents from S3. Without `vpc_config` the training and inference jobs run in an AWS-managed network, so S3 bucket policies and VPC endpoint policies that restrict access to your network cannot cover them, and the data path to the training data is not under your network controls.',
    remediation:
      'Give the model a `vpc_config` with private subnets and a security group, and reach S3 through a gateway endpoint.\n\n```hcl\nresource "aws_comprehend_document_classifier" "c" {\n  # ...\n  vpc_config {\n    subnets            = [aws_subnet.private_a.id, aws_subnet.private_b.id]\n    security_group_ids = [aws_security_group.comprehend.id]\n  }\n}\n```',
    references: refs(REFS.exposure, ['https://docs.aws.amazon.com/comprehend/latest/dg/usingVPC.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/comprehend_document_classifier']),
    tags: ['terraform', 'aws', 'comprehend', 'training-data'],
  },
  check(mod) {
    const hits: PostureHit[] = [];
    for (const r of mod.ofType('aws_comprehend_entity_recognizer', 'aws_comprehend_document_classifier')) {
      const vpc = nested(r.block, 'vpc_config')[0];
      const subnets = vpc?.attributes.subnets ? mod.value(vpc.attributes.subnets) : undefined;
      // Subnets given (or not statically known): in a VPC.
      if (subnets !== undefined && (unknown(subnets) || !Array.isArray(subnets) || subnets.length > 0)) continue;
      const what = r.type.replace('aws_comprehend_', '').replace('_', ' ');
      hits.push(hitAt(r, vpc?.line ?? r.block.line, 'vpc_config', vpc ? `Comprehend ${what} ${r.address} has a vpc_config without subnets` : `Comprehend ${what} ${r.address} sets no vpc_config: training runs in an AWS-managed network, outside your VPC`));
    }
    return hits;
  },
};
