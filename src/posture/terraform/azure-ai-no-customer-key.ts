/** Azure OpenAI / AI services account not encrypted with a customer-managed key */
import { attributeRule, REFS, refs } from './common.js';

export const azureAiNoCustomerKey = attributeRule({
  meta: {
    id: 'tf/azure-ai-no-customer-key',
    title: 'Azure OpenAI / AI services account not encrypted with a customer-managed key',
    severity: 'low',
    category: 'misconfiguration',
    description: 'Fine-tuning files, fine-tuned models and stored completions of the account are encrypted with Microsoft-managed keys unless a `customer_managed_key` is set, so you cannot revoke access to them on your own.',
    remediation: 'Add a `customer_managed_key` block pointing at a Key Vault key (the account needs a managed identity with access to it).',
    references: refs(REFS.encryption, ['https://learn.microsoft.com/azure/ai-services/openai/encrypt-data-at-rest', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cognitive_account']),
    tags: ['terraform', 'azure', 'openai'],
    aliases: ['CKV2_AZURE_22'],
  },
  types: ['azurerm_cognitive_account', 'azurerm_ai_services'],
  path: ['customer_managed_key', 'key_vault_key_id'],
  bad: (v) => v === undefined || v === null || v === '',
  missing: (r) => `Azure AI account ${r.address} has no customer_managed_key block: fine-tuning data and stored prompts use Microsoft-managed keys`,
  set: (r) => `Azure AI account ${r.address} has an empty key_vault_key_id`,
  fix: 'resource "azurerm_cognitive_account" "openai" {\n  # ...\n  customer_managed_key {\n    key_vault_key_id   = azurerm_key_vault_key.openai.id\n    identity_client_id = azurerm_user_assigned_identity.openai.client_id\n  }\n}',
});
