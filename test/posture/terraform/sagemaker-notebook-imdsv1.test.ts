/** sagemaker-notebook-imdsv1: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { sagemakerNotebookImdsv1 } from '../../../src/posture/terraform/sagemaker-notebook-imdsv1.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, sagemakerNotebookImdsv1, {
  filename: 'main.tf',
  valid: [
    "resource \"aws_sagemaker_notebook_instance\" \"x\" {\n  name = \"x\"\n  instance_metadata_service_configuration {\n    minimum_instance_metadata_service_version = \"2\"\n  }\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"aws_sagemaker_notebook_instance\" \"x\" {\n  name = \"x\"\n  instance_metadata_service_configuration { # twin\n    minimum_instance_metadata_service_version = \"2\"\n  }\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"aws_sagemaker_notebook_instance\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "the default is 1" }] },
    { name: 'bad value', code: "resource \"aws_sagemaker_notebook_instance\" \"x\" {\n  name = \"x\"\n  instance_metadata_service_configuration {\n    minimum_instance_metadata_service_version = \"1\"\n  }\n}\n", errors: [{ line: 4, message: "allows IMDSv1" }] },
  ],
});
