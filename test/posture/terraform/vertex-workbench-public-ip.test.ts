/** vertex-workbench-public-ip: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { vertexWorkbenchPublicIp } from '../../../src/posture/terraform/vertex-workbench-public-ip.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, vertexWorkbenchPublicIp, {
  filename: 'main.tf',
  valid: [
    "resource \"google_workbench_instance\" \"x\" {\n  name = \"x\"\n  gce_setup {\n    disable_public_ip = true\n  }\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"google_workbench_instance\" \"x\" {\n  name = \"x\"\n  gce_setup { # twin\n    disable_public_ip = true\n  }\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"google_workbench_instance\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "default is false" }] },
    { name: 'bad value', code: "resource \"google_workbench_instance\" \"x\" {\n  name = \"x\"\n  gce_setup {\n    disable_public_ip = false\n  }\n}\n", errors: [{ line: 4, message: "disable_public_ip = false" }] },
  ],
});
