/** gcs-bucket-no-cmek: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { gcsBucketNoCmek } from '../../../src/posture/terraform/gcs-bucket-no-cmek.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, gcsBucketNoCmek, {
  filename: 'main.tf',
  valid: [
    "resource \"google_storage_bucket\" \"x\" {\n  name = \"x\"\n  encryption {\n    default_kms_key_name = google_kms_crypto_key.ml.id\n  }\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"google_storage_bucket\" \"x\" {\n  name = \"x\"\n  encryption { # twin\n    default_kms_key_name = google_kms_crypto_key.ml.id\n  }\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"google_storage_bucket\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "Google-managed keys" }] },
    { name: 'bad value', code: "resource \"google_storage_bucket\" \"x\" {\n  name = \"x\"\n  encryption {\n    default_kms_key_name = \"\"\n  }\n}\n", errors: [{ line: 4, message: "empty default_kms_key_name" }] },
  ],
});
