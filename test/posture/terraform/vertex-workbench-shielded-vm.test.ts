/** vertex-workbench-shielded-vm: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { vertexWorkbenchShieldedVm } from '../../../src/posture/terraform/vertex-workbench-shielded-vm.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, vertexWorkbenchShieldedVm, {
  filename: 'main.tf',
  valid: [
    "resource \"google_workbench_instance\" \"x\" {\n  name = \"x\"\n  gce_setup {\n    shielded_instance_config {\n      enable_secure_boot = true\n    }\n  }\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"google_workbench_instance\" \"x\" {\n  name = \"x\"\n  gce_setup { # twin\n    shielded_instance_config {\n      enable_secure_boot = true\n    }\n  }\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"google_workbench_instance\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "default is false" }] },
    { name: 'bad value', code: "resource \"google_workbench_instance\" \"x\" {\n  name = \"x\"\n  gce_setup {\n    shielded_instance_config {\n      enable_secure_boot = false\n    }\n  }\n}\n", errors: [{ line: 5, message: "enable_secure_boot = false" }] },
  ],
});
