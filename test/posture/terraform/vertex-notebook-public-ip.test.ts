/** vertex-notebook-public-ip: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { vertexNotebookPublicIp } from '../../../src/posture/terraform/vertex-notebook-public-ip.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, vertexNotebookPublicIp, {
  filename: 'main.tf',
  valid: [
    "resource \"google_notebooks_instance\" \"x\" {\n  name = \"x\"\n  no_public_ip = true\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"google_notebooks_instance\" \"x\" {\n  name = \"x\"\n  no_public_ip = var.unknown\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"google_notebooks_instance\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "default is false" }] },
    { name: 'bad value', code: "resource \"google_notebooks_instance\" \"x\" {\n  name = \"x\"\n  no_public_ip = false\n}\n", errors: [{ line: 3, message: "no_public_ip = false" }] },
  ],
});
