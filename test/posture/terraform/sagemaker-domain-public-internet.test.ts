/** sagemaker-domain-public-internet: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { sagemakerDomainPublicInternet } from '../../../src/posture/terraform/sagemaker-domain-public-internet.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, sagemakerDomainPublicInternet, {
  filename: 'main.tf',
  valid: [
    "resource \"aws_sagemaker_domain\" \"x\" {\n  name = \"x\"\n  app_network_access_type = \"VpcOnly\"\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"aws_sagemaker_domain\" \"x\" {\n  name = \"x\"\n  app_network_access_type = var.unknown\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"aws_sagemaker_domain\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "default is PublicInternetOnly" }] },
    { name: 'bad value', code: "resource \"aws_sagemaker_domain\" \"x\" {\n  name = \"x\"\n  app_network_access_type = \"PublicInternetOnly\"\n}\n", errors: [{ line: 3, message: "app_network_access_type = \"PublicInternetOnly\"" }] },
  ],
});
