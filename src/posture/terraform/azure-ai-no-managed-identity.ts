/** Azure OpenAI / AI services account has no managed identity */
import { attributeRule, REFS, refs } from './common.js';

export const azureAiNoManagedIdentity = attributeRule({
  meta: {
    id: 'tf/azure-ai-no-managed-identity',
    title: 'Azure OpenAI / AI services account has no managed identity',
    severity: 'low',
    category: 'misconfiguration',
    description: 'Without a managed identity the account cannot use a customer-managed key, and features that read your data (fine-tuning files, "on your data" indexes) fall back to keys and connection strings.',
    remediation: 'Add an `identity` block (`SystemAssigned` or `UserAssigned`).',
    references: refs(REFS.auth, ['https://learn.microsoft.com/azure/ai-services/openai/how-to/managed-identity', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cognitive_account']),
    tags: ['terraform', 'azure', 'openai'],
  },
  types: ['azurerm_cognitive_account', 'azurerm_ai_services'],
  path: ['identity', 'type'],
  bad: (v) => v === undefined || v === null || v === '',
  missing: (r) => `Azure AI account ${r.address} has no identity block: it cannot use customer-managed keys or reach storage without keys`,
  set: (r) => `Azure AI account ${r.address} has an empty identity type`,
  fix: 'resource "azurerm_cognitive_account" "openai" {\n  # ...\n  identity {\n    type = "SystemAssigned"\n  }\n}',
});
