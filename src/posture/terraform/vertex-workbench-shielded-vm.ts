/** Vertex AI Workbench instance without Secure Boot */
import { attributeRule, refs } from './common.js';

export const vertexWorkbenchShieldedVm = attributeRule({
  meta: {
    id: 'tf/vertex-workbench-shielded-vm',
    title: 'Vertex AI Workbench instance without Secure Boot',
    severity: 'low',
    category: 'misconfiguration',
    description: 'Without Secure Boot a Workbench VM boots unsigned kernels and drivers, so a rootkit planted by code run in a notebook survives restarts unnoticed. Shielded VM options are off by default for Workbench instances.',
    remediation: 'Enable `shielded_instance_config` with `enable_secure_boot`, `enable_vtpm` and `enable_integrity_monitoring`.',
    references: refs({ cwe: ['CWE-693'], owaspLlm: ['LLM03'], atlas: ['AML.T0010'] }, ['https://cloud.google.com/compute/shielded-vm/docs/shielded-vm', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/workbench_instance']),
    tags: ['terraform', 'gcp', 'vertex-ai'],
  },
  types: ['google_workbench_instance'],
  path: ['gce_setup', 'shielded_instance_config', 'enable_secure_boot'],
  bad: (v) => v !== true && v !== 'true',
  missing: (r) => `Workbench instance ${r.address} sets no gce_setup.shielded_instance_config.enable_secure_boot: the default is false`,
  set: (r, v) => `Workbench instance ${r.address} has enable_secure_boot = ${JSON.stringify(v)}`,
  fix: 'resource "google_workbench_instance" "lab" {\n  # ...\n  gce_setup {\n    shielded_instance_config {\n      enable_secure_boot          = true\n      enable_vtpm                 = true\n      enable_integrity_monitoring = true\n    }\n  }\n}',
});
