/** Azure ML workspace is reachable from public networks */
import { attributeRule, REFS, refs } from './common.js';

export const azureMlWorkspacePublic = attributeRule({
  meta: {
    id: 'tf/azure-ml-workspace-public',
    title: 'Azure ML workspace is reachable from public networks',
    severity: 'medium',
    category: 'exposure',
    description: 'A workspace open to public networks (the default) exposes its studio, registries, datastores and compute endpoints to the internet; any leaked token works from anywhere.',
    remediation: 'Set `public_network_access_enabled = false` and use private endpoints (managed network isolation).',
    references: refs(REFS.exposure, ['https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/machine_learning_workspace']),
    tags: ['terraform', 'azure', 'azure-ml'],
    aliases: ['CKV_AZURE_144'],
  },
  types: ['azurerm_machine_learning_workspace'],
  path: ['public_network_access_enabled'],
  bad: (v) => v !== false && v !== 'false',
  missing: (r) => `Azure ML workspace ${r.address} sets no public_network_access_enabled: the default is true`,
  set: (r, v) => `Azure ML workspace ${r.address} has public_network_access_enabled = ${JSON.stringify(v)}`,
  fix: 'resource "azurerm_machine_learning_workspace" "ws" {\n  # ...\n  public_network_access_enabled = false\n}',
});
