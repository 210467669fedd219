/** kendra-index-no-kms: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { kendraIndexNoKms } from '../../../src/posture/terraform/kendra-index-no-kms.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, kendraIndexNoKms, {
  filename: 'main.tf',
  valid: [
    "resource \"aws_kendra_index\" \"x\" {\n  name = \"x\"\n  server_side_encryption_configuration {\n    kms_key_id = aws_kms_key.rag.arn\n  }\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"aws_kendra_index\" \"x\" {\n  name = \"x\"\n  server_side_encryption_configuration { # twin\n    kms_key_id = aws_kms_key.rag.arn\n  }\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"aws_kendra_index\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "AWS-owned key" }] },
    { name: 'bad value', code: "resource \"aws_kendra_index\" \"x\" {\n  name = \"x\"\n  server_side_encryption_configuration {\n    kms_key_id = \"\"\n  }\n}\n", errors: [{ line: 4, message: "empty kms_key_id" }] },
  ],
});
