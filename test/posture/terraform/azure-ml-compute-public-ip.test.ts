/** azure-ml-compute-public-ip: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { azureMlComputePublicIp } from '../../../src/posture/terraform/azure-ml-compute-public-ip.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, azureMlComputePublicIp, {
  filename: 'main.tf',
  valid: [
    "resource \"azurerm_machine_learning_compute_instance\" \"x\" {\n  name = \"x\"\n  node_public_ip_enabled = false\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"azurerm_machine_learning_compute_instance\" \"x\" {\n  name = \"x\"\n  node_public_ip_enabled = var.unknown\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"azurerm_machine_learning_compute_instance\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "default is true" }] },
    { name: 'bad value', code: "resource \"azurerm_machine_learning_compute_instance\" \"x\" {\n  name = \"x\"\n  node_public_ip_enabled = true\n}\n", errors: [{ line: 3, message: "node_public_ip_enabled = true" }] },
  ],
});
