/** Vertex AI user-managed notebook has a public IP address */
import { attributeRule, REFS, refs } from './common.js';

export const vertexNotebookPublicIp = attributeRule({
  meta: {
    id: 'tf/vertex-notebook-public-ip',
    title: 'Vertex AI user-managed notebook has a public IP address',
    severity: 'medium',
    category: 'exposure',
    description: 'A user-managed notebook VM with an external IP is reachable from the internet and egresses directly.',
    remediation: 'Set `no_public_ip = true`.',
    references: refs(REFS.exposure, ['https://cloud.google.com/vertex-ai/docs/workbench/user-managed/create-new', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/notebooks_instance']),
    tags: ['terraform', 'gcp', 'vertex-ai'],
    aliases: ['CKV_GCP_89'],
  },
  types: ['google_notebooks_instance'],
  path: ['no_public_ip'],
  bad: (v) => v !== true && v !== 'true',
  missing: (r) => `Notebook instance ${r.address} sets no no_public_ip: the default is false, so the VM gets an external IP`,
  set: (r, v) => `Notebook instance ${r.address} has no_public_ip = ${JSON.stringify(v)}`,
  fix: 'resource "google_notebooks_instance" "lab" {\n  # ...\n  no_public_ip = true\n}',
});
