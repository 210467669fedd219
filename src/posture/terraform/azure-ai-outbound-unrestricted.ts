/** Azure OpenAI / AI services account may call any outbound host */
import { attributeRule, refs } from './common.js';

export const azureAiOutboundUnrestricted = attributeRule({
  meta: {
    id: 'tf/azure-ai-outbound-unrestricted',
    title: 'Azure OpenAI / AI services account may call any outbound host',
    severity: 'low',
    category: 'exposure',
    description: 'Features such as "on your data" and tools let the service fetch from hosts named in requests. Without `outbound_network_access_restricted = true` and an `fqdns` allow-list, a prompt can make it reach arbitrary hosts (data exfiltration, SSRF).',
    remediation: 'Set `outbound_network_access_restricted = true` and list the hosts the account may reach in `fqdns`.',
    references: refs({ cwe: ['CWE-918'], owaspLlm: ['LLM02', 'LLM06'], atlas: ['AML.T0025'] }, ['https://learn.microsoft.com/azure/ai-services/cognitive-services-data-loss-prevention', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cognitive_account']),
    tags: ['terraform', 'azure', 'openai'],
    aliases: ['CKV_AZURE_247'],
  },
  types: ['azurerm_cognitive_account', 'azurerm_ai_services'],
  path: ['outbound_network_access_restricted'],
  bad: (v) => v !== true && v !== 'true',
  missing: (r) => `Azure AI account ${r.address} sets no outbound_network_access_restricted: the default is false, so the service may send data to any host`,
  set: (r, v) => `Azure AI account ${r.address} has outbound_network_access_restricted = ${JSON.stringify(v)}`,
  fix: 'resource "azurerm_cognitive_account" "openai" {\n  # ...\n  outbound_network_access_restricted = true\n  fqdns                              = ["acmesearch.search.windows.net"]\n}',
});
