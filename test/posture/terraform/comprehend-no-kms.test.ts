/** tf/comprehend-no-kms */
import { comprehendNoKms } from '../../../src/posture/terraform/comprehend-no-kms.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, comprehendNoKms, {
  filename: 'main.tf',
  valid: ['resource "aws_comprehend_entity_recognizer" "r" {\n  name = "r"\n  model_kms_key_id  = aws_kms_key.k.arn\n  volume_kms_key_id = aws_kms_key.k.arn\n}\n'],
  invalid: [
    { code: 'resource "aws_comprehend_entity_recognizer" "r" {\n  name = "r"\n}\n', errors: [{ line: 1, message: 'model_kms_key_id' }, { line: 1, message: 'volume_kms_key_id' }] },
    { code: 'resource "aws_comprehend_document_classifier" "c" {\n  name = "c"\n  model_kms_key_id = aws_kms_key.k.arn\n}\n', errors: [{ line: 1, message: 'volume_kms_key_id' }] },
  ],
});
