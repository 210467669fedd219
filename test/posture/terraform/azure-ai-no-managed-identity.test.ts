/** azure-ai-no-managed-identity: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { azureAiNoManagedIdentity } from '../../../src/posture/terraform/azure-ai-no-managed-identity.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, azureAiNoManagedIdentity, {
  filename: 'main.tf',
  valid: [
    "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n  identity {\n    type = \"SystemAssigned\"\n  }\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n  identity { # twin\n    type = \"SystemAssigned\"\n  }\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "no identity block" }] },
    { name: 'bad value', code: "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n  identity {\n    type = \"\"\n  }\n}\n", errors: [{ line: 4, message: "empty identity type" }] },
  ],
});
