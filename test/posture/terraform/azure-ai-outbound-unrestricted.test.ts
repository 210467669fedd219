/** azure-ai-outbound-unrestricted: fires on the missing attribute (default applies) and on a bad value; the fixed snippet stays quiet. */
import { azureAiOutboundUnrestricted } from '../../../src/posture/terraform/azure-ai-outbound-unrestricted.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, azureAiOutboundUnrestricted, {
  filename: 'main.tf',
  valid: [
    "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n  outbound_network_access_restricted = true\n  fqdns = [\"acme.search.windows.net\"]\n}\n",
    // Not statically known (a variable without default, or a twin written differently): quiet.
    "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n  outbound_network_access_restricted = var.unknown\n}\n",
  ],
  invalid: [
    { name: 'attribute missing', code: "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n}\n", errors: [{ line: 1, message: "default is false" }] },
    { name: 'bad value', code: "resource \"azurerm_cognitive_account\" \"x\" {\n  name = \"x\"\n  outbound_network_access_restricted = false\n}\n", errors: [{ line: 3, message: "outbound_network_access_restricted = false" }] },
  ],
});
