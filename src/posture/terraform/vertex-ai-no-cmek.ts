/** Vertex AI resource not encrypted with a customer-managed key */
import { attributeRule, REFS, refs } from './common.js';

export const vertexAiNoCmek = attributeRule({
  meta: {
    id: 'tf/vertex-ai-no-cmek',
    title: 'Vertex AI resource not encrypted with a customer-managed key',
    severity: 'low',
    category: 'misconfiguration',
    description: 'Vertex AI datasets, endpoints (and the models deployed to them), metadata stores and feature stores keep training data, features and artifacts encrypted with Google-managed keys unless `encryption_spec { kms_key_name }` names a Cloud KMS key (CMEK).',
    remediation: 'Add an `encryption_spec` block with a Cloud KMS `kms_key_name` in the same region.',
    references: refs(REFS.encryption, ['https://cloud.google.com/vertex-ai/docs/general/cmek', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/vertex_ai_dataset']),
    tags: ['terraform', 'gcp', 'vertex-ai'],
  },
  types: ['google_vertex_ai_endpoint', 'google_vertex_ai_dataset', 'google_vertex_ai_metadata_store', 'google_vertex_ai_featurestore', 'google_vertex_ai_index', 'google_vertex_ai_tensorboard'],
  path: ['encryption_spec', 'kms_key_name'],
  bad: (v) => v === undefined || v === null || v === '',
  missing: (r) => `Vertex AI resource ${r.address} has no encryption_spec.kms_key_name: its data uses Google-managed keys`,
  set: (r) => `Vertex AI resource ${r.address} has an empty kms_key_name`,
  fix: 'resource "google_vertex_ai_dataset" "training" {\n  # ...\n  encryption_spec {\n    kms_key_name = google_kms_crypto_key.vertex.id\n  }\n}',
});
