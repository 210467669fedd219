/** Vertex AI Workbench instance has a public IP address */
import { attributeRule, REFS, refs } from './common.js';

export const vertexWorkbenchPublicIp = attributeRule({
  meta: {
    id: 'tf/vertex-workbench-public-ip',
    title: 'Vertex AI Workbench instance has a public IP address',
    severity: 'medium',
    category: 'exposure',
    description: 'A Workbench (managed notebook) VM with an external IP is reachable from the internet and egresses directly: the JupyterLab server, its credentials and the data it mounts are one firewall rule away from exposure.',
    remediation: 'Set `gce_setup { disable_public_ip = true }` and use Private Google Access or Cloud NAT for egress.',
    references: refs(REFS.exposure, ['https://cloud.google.com/vertex-ai/docs/workbench/instances/create', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/workbench_instance']),
    tags: ['terraform', 'gcp', 'vertex-ai'],
  },
  types: ['google_workbench_instance'],
  path: ['gce_setup', 'disable_public_ip'],
  bad: (v) => v !== true && v !== 'true',
  missing: (r) => `Workbench instance ${r.address} sets no gce_setup.disable_public_ip: the default is false, so the VM gets an external IP`,
  set: (r, v) => `Workbench instance ${r.address} has disable_public_ip = ${JSON.stringify(v)}`,
  fix: 'resource "google_workbench_instance" "lab" {\n  # ...\n  gce_setup {\n    disable_public_ip = true\n    network_interfaces {\n      network = google_compute_network.ml.id\n      subnet  = google_compute_subnetwork.ml.id\n    }\n  }\n}',
});
