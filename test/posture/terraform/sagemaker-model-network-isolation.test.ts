/** sagemaker-model-network-isolation: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { sagemakerModelNetworkIsolation } from '../../../src/posture/terraform/sagemaker-model-network-isolation.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, sagemakerModelNetworkIsolation, {
  filename: 'main.tf',
  valid: [
    "resource \"aws_sagemaker_model\" \"x\" {\n  name = \"x\"\n  enable_network_isolation = true\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"aws_sagemaker_model\" \"x\" {\n  name = \"x\"\n  enable_network_isolation = var.unknown\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"aws_sagemaker_model\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "default is false" }] },
    { name: 'bad value', code: "resource \"aws_sagemaker_model\" \"x\" {\n  name = \"x\"\n  enable_network_isolation = false\n}\n", errors: [{ line: 3, message: "enable_network_isolation = false" }] },
  ],
});
