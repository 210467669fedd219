/** azure-ai-local-auth: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { azureAiLocalAuth } from '../../../src/posture/terraform/azure-ai-local-auth.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, azureAiLocalAuth, {
  filename: 'main.tf',
  valid: [
    "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n  local_auth_enabled = false\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n  local_auth_enabled = var.unknown\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "default is true" }] },
    { name: 'bad value', code: "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n  local_auth_enabled = true\n}\n", errors: [{ line: 3, message: "local_auth_enabled = true" }] },
  ],
});
