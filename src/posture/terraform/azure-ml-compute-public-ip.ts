/** Azure ML compute nodes get public IP addresses */
import { attributeRule, REFS, refs } from './common.js';

export const azureMlComputePublicIp = attributeRule({
  meta: {
    id: 'tf/azure-ml-compute-public-ip',
    title: 'Azure ML compute nodes get public IP addresses',
    severity: 'medium',
    category: 'exposure',
    description: 'Compute nodes with public IPs (the default) are reachable from the internet and egress directly, outside the controls of your virtual network.',
    remediation: 'Set `node_public_ip_enabled = false` and attach the compute to a subnet (`subnet_resource_id`).',
    references: refs(REFS.exposure, ['https://learn.microsoft.com/azure/machine-learning/how-to-secure-training-vnet', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/machine_learning_compute_cluster']),
    tags: ['terraform', 'azure', 'azure-ml'],
  },
  types: ['azurerm_machine_learning_compute_cluster', 'azurerm_machine_learning_compute_instance'],
  path: ['node_public_ip_enabled'],
  bad: (v) => v !== false && v !== 'false',
  missing: (r) => `Azure ML compute ${r.address} sets no node_public_ip_enabled: the default is true, so nodes get public IPs`,
  set: (r, v) => `Azure ML compute ${r.address} has node_public_ip_enabled = ${JSON.stringify(v)}`,
  fix: 'resource "azurerm_machine_learning_compute_cluster" "gpu" {\n  # ...\n  node_public_ip_enabled = false\n  subnet_resource_id     = azurerm_subnet.ml.id\n}',
});
