/** vertex-ai-no-cmek: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { vertexAiNoCmek } from '../../../src/posture/terraform/vertex-ai-no-cmek.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, vertexAiNoCmek, {
  filename: 'main.tf',
  valid: [
    "resource \"google_vertex_ai_dataset\" \"x\" {\n  name = \"x\"\n  encryption_spec {\n    kms_key_name = google_kms_crypto_key.vertex.id\n  }\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"google_vertex_ai_dataset\" \"x\" {\n  name = \"x\"\n  encryption_spec { # twin\n    kms_key_name = google_kms_crypto_key.vertex.id\n  }\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"google_vertex_ai_dataset\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "Google-managed keys" }] },
    { name: 'bad value', code: "resource \"google_vertex_ai_dataset\" \"x\" {\n  name = \"x\"\n  encryption_spec {\n    kms_key_name = \"\"\n  }\n}\n", errors: [{ line: 4, message: "empty kms_key_name" }] },
  ],
});
