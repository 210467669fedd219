/** Comprehend custom models (entity recognizer, document classifier) without customer-managed keys. */
import type { PostureHit } from '../rule.js';
import { hitAt, REFS, refs, type TfRule } from './common.js';

const KEYS = ['model_kms_key_id', 'volume_kms_key_id'];
/** Checkov checks the two keys separately. */
const PEER: Record<string, string> = { model_kms_key_id: 'CKV_AWS_267', volume_kms_key_id: 'CKV_AWS_268' };

export const comprehendNoKms: TfRule = {
  meta: {
    id: 'tf/comprehend-no-kms',
    title: 'Comprehend custom model or training volume not encrypted with a customer-managed key',
    severity: 'medium',
    category: 'misconfiguration',
    description: 'Custom Comprehend models are trained on your labelled documents; the trained model and the training volume are encrypted with AWS-managed keys unless `model_kms_key_id` and `volume_kms_key_id` name customer-managed keys.',
    remediation: 'Set `model_kms_key_id` and `volume_kms_key_id` to a customer-managed KMS key.\n\n```hcl\nresource "aws_comprehend_entity_recognizer" "r" {\n  # ...\n  model_kms_key_id  = aws_kms_key.ml.arn\n  volume_kms_key_id = aws_kms_key.ml.arn\n}\n```',
    references: refs(REFS.encryption, ['https://docs.aws.amazon.com/comprehend/latest/dg/kms-in-comprehend.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/comprehend_entity_recognizer']),
    tags: ['terraform', 'aws', 'comprehend'],
    aliases: ['CKV_AWS_267', 'CKV_AWS_268'],
  },
  check(mod) {
    const hits: PostureHit[] = [];
    for (const r of mod.ofType('aws_comprehend_entity_recognizer', 'aws_comprehend_document_classifier')) {
      for (const k of KEYS) {
        const a = r.block.attributes[k];
        const v = mod.value(a);
        if (a && v !== null && v !== '') continue;
        hits.push(hitAt(r, a?.line ?? r.block.line, k, `Comprehend ${r.type.replace('aws_comprehend_', '').replace('_', ' ')} ${r.address} sets no ${k}: the ${k.startsWith('model') ? 'trained model' : 'training volume'} uses an AWS-managed key`, { aliases: [PEER[k]] }));
      }
    }
    return hits;
  },
};
