/** sagemaker-endpoint-config-no-kms: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { sagemakerEndpointConfigNoKms } from '../../../src/posture/terraform/sagemaker-endpoint-config-no-kms.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, sagemakerEndpointConfigNoKms, {
  filename: 'main.tf',
  valid: [
    "resource \"aws_sagemaker_endpoint_configuration\" \"x\" {\n  name = \"x\"\n  kms_key_arn = aws_kms_key.ml.arn\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"aws_sagemaker_endpoint_configuration\" \"x\" {\n  name = \"x\"\n  kms_key_arn = var.unknown\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"aws_sagemaker_endpoint_configuration\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "sets no kms_key_arn" }] },
    { name: 'bad value', code: "resource \"aws_sagemaker_endpoint_configuration\" \"x\" {\n  name = \"x\"\n  kms_key_arn = \"\"\n}\n", errors: [{ line: 3, message: "empty kms_key_arn" }] },
  ],
});
