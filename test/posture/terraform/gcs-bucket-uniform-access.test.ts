/** gcs-bucket-uniform-access: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { gcsBucketUniformAccess } from '../../../src/posture/terraform/gcs-bucket-uniform-access.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, gcsBucketUniformAccess, {
  filename: 'main.tf',
  valid: [
    "resource \"google_storage_bucket\" \"x\" {\n  name = \"x\"\n  uniform_bucket_level_access = true\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"google_storage_bucket\" \"x\" {\n  name = \"x\"\n  uniform_bucket_level_access = var.unknown\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"google_storage_bucket\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "default is false" }] },
    { name: 'bad value', code: "resource \"google_storage_bucket\" \"x\" {\n  name = \"x\"\n  uniform_bucket_level_access = false\n}\n", errors: [{ line: 3, message: "uniform_bucket_level_access = false" }] },
  ],
});
