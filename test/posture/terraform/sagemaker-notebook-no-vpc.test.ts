/** sagemaker-notebook-no-vpc: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { sagemakerNotebookNoVpc } from '../../../src/posture/terraform/sagemaker-notebook-no-vpc.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, sagemakerNotebookNoVpc, {
  filename: 'main.tf',
  valid: [
    "resource \"aws_sagemaker_notebook_instance\" \"x\" {\n  name = \"x\"\n  subnet_id = aws_subnet.private.id\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"aws_sagemaker_notebook_instance\" \"x\" {\n  name = \"x\"\n  subnet_id = var.unknown\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"aws_sagemaker_notebook_instance\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "sets no subnet_id" }] },
    { name: 'bad value', code: "resource \"aws_sagemaker_notebook_instance\" \"x\" {\n  name = \"x\"\n  subnet_id = \"\"\n}\n", errors: [{ line: 3, message: "empty subnet_id" }] },
  ],
});
