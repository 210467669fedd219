/** Azure OpenAI / AI services account is reachable from public networks */
import { attributeRule, REFS, refs } from './common.js';

export const azureAiPublicNetwork = attributeRule({
  meta: {
    id: 'tf/azure-ai-public-network',
    title: 'Azure OpenAI / AI services account is reachable from public networks',
    severity: 'high',
    category: 'exposure',
    description: 'An Azure OpenAI or AI services account with public network access (the default) answers any client on the internet that holds a key or token: leaked keys are usable from anywhere, and model deployments, fine-tuning data and content filters are one credential away.',
    remediation: 'Set `public_network_access_enabled = false` and reach the account through a private endpoint, or keep it public only behind `network_acls { default_action = "Deny" }` with named IP ranges.',
    references: refs(REFS.exposure, ['https://learn.microsoft.com/azure/ai-services/cognitive-services-virtual-networks', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cognitive_account']),
    tags: ['terraform', 'azure', 'openai'],
    aliases: ['CKV_AZURE_134'],
  },
  types: ['azurerm_cognitive_account', 'azurerm_ai_services'],
  path: ['public_network_access_enabled'],
  bad: (v) => v !== false && v !== 'false',
  missing: (r) => `Azure AI account ${r.address} sets no public_network_access_enabled: the default is true, so the endpoint is reachable from the internet`,
  set: (r, v) => `Azure AI account ${r.address} has public_network_access_enabled = ${JSON.stringify(v)}`,
  fix: 'resource "azurerm_cognitive_account" "openai" {\n  # ...\n  public_network_access_enabled = false\n  custom_subdomain_name         = "acme-openai"\n}',
});
