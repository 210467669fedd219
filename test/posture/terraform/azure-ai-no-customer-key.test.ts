/** azure-ai-no-customer-key: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { azureAiNoCustomerKey } from '../../../src/posture/terraform/azure-ai-no-customer-key.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, azureAiNoCustomerKey, {
  filename: 'main.tf',
  valid: [
    "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n  customer_managed_key {\n    key_vault_key_id = azurerm_key_vault_key.k.id\n  }\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n  customer_managed_key { # twin\n    key_vault_key_id = azurerm_key_vault_key.k.id\n  }\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "no customer_managed_key" }] },
    { name: 'bad value', code: "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n  customer_managed_key {\n    key_vault_key_id = \"\"\n  }\n}\n", errors: [{ line: 4, message: "empty key_vault_key_id" }] },
  ],
});
