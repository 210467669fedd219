/** Azure ML compute allows local (SSH/key) authentication */
import { attributeRule, REFS, refs } from './common.js';

export const azureMlComputeLocalAuth = attributeRule({
  meta: {
    id: 'tf/azure-ml-compute-local-auth',
    title: 'Azure ML compute allows local (SSH/key) authentication',
    severity: 'medium',
    category: 'misconfiguration',
    description: 'Local authentication on Azure ML compute (the default) allows key-based access that bypasses Entra ID identities and their audit trail.',
    remediation: 'Set `local_auth_enabled = false`.',
    references: refs(REFS.auth, ['https://learn.microsoft.com/azure/machine-learning/how-to-create-attach-compute-cluster', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/machine_learning_compute_cluster']),
    tags: ['terraform', 'azure', 'azure-ml'],
    aliases: ['CKV_AZURE_142'],
  },
  types: ['azurerm_machine_learning_compute_cluster', 'azurerm_machine_learning_compute_instance'],
  path: ['local_auth_enabled'],
  bad: (v) => v !== false && v !== 'false',
  missing: (r) => `Azure ML compute ${r.address} sets no local_auth_enabled: the default is true`,
  set: (r, v) => `Azure ML compute ${r.address} has local_auth_enabled = ${JSON.stringify(v)}`,
  fix: 'resource "azurerm_machine_learning_compute_cluster" "gpu" {\n  # ...\n  local_auth_enabled = false\n}',
});
