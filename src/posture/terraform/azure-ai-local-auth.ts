/** Azure OpenAI / AI services account accepts API keys */
import { attributeRule, REFS, refs } from './common.js';

export const azureAiLocalAuth = attributeRule({
  meta: {
    id: 'tf/azure-ai-local-auth',
    title: 'Azure OpenAI / AI services account accepts API keys',
    severity: 'medium',
    category: 'misconfiguration',
    description: 'With local (key) authentication (the default), two static keys grant full data-plane access: they leak into notebooks, .env files and CI logs and carry no identity. Entra ID authentication gives per-caller identity, conditional access and revocation.',
    remediation: 'Set `local_auth_enabled = false` and grant callers the `Cognitive Services OpenAI User` role through Entra ID.',
    references: refs(REFS.auth, ['https://learn.microsoft.com/azure/ai-services/disable-local-auth', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cognitive_account']),
    tags: ['terraform', 'azure', 'openai'],
    aliases: ['CKV_AZURE_236'],
  },
  types: ['azurerm_cognitive_account', 'azurerm_ai_services'],
  path: ['local_auth_enabled'],
  bad: (v) => v !== false && v !== 'false',
  missing: (r) => `Azure AI account ${r.address} sets no local_auth_enabled: the default is true, so static API keys work`,
  set: (r, v) => `Azure AI account ${r.address} has local_auth_enabled = ${JSON.stringify(v)}`,
  fix: 'resource "azurerm_cognitive_account" "openai" {\n  # ...\n  local_auth_enabled = false\n}',
});
