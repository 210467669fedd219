/** sagemaker-notebook-direct-internet: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { sagemakerNotebookDirectInternet } from '../../../src/posture/terraform/sagemaker-notebook-direct-internet.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, sagemakerNotebookDirectInternet, {
  filename: 'main.tf',
  valid: [
    "resource \"aws_sagemaker_notebook_instance\" \"x\" {\n  name = \"x\"\n  direct_internet_access = \"Disabled\"\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"aws_sagemaker_notebook_instance\" \"x\" {\n  name = \"x\"\n  direct_internet_access = var.unknown\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"aws_sagemaker_notebook_instance\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "AWS's default is Enabled" }] },
    { name: 'bad value', code: "resource \"aws_sagemaker_notebook_instance\" \"x\" {\n  name = \"x\"\n  direct_internet_access = \"Enabled\"\n}\n", errors: [{ line: 3, message: "direct_internet_access = \"Enabled\"" }] },
  ],
});
