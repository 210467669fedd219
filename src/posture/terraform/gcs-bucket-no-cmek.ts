/** GCS bucket without a default customer-managed encryption key. */
import { attributeRule, bucketSeverity, REFS, refs } from './common.js';

export const gcsBucketNoCmek = attributeRule({
  meta: {
    id: 'tf/gcs-bucket-no-cmek',
    title: 'GCS bucket has no customer-managed encryption key',
    severity: 'low',
    category: 'misconfiguration',
    description: 'Without `encryption { default_kms_key_name }` objects are encrypted with Google-managed keys: you cannot restrict, audit or revoke decryption of the training data separately. Severity is raised when a Vertex AI resource uses the bucket.',
    remediation: 'Add an `encryption` block with `default_kms_key_name` set to a Cloud KMS key.',
    references: refs(REFS.encryption, ['https://cloud.google.com/storage/docs/encryption/customer-managed-keys', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket']),
    tags: ['terraform', 'gcp', 'gcs'],
  },
  types: ['google_storage_bucket'],
  path: ['encryption', 'default_kms_key_name'],
  bad: (v) => v === undefined || v === null || v === '',
  missing: (r) => `GCS bucket ${r.address} sets no encryption.default_kms_key_name: objects use Google-managed keys`,
  set: (r) => `GCS bucket ${r.address} has an empty default_kms_key_name`,
  fix: 'resource "google_storage_bucket" "training" {\n  # ...\n  encryption {\n    default_kms_key_name = google_kms_crypto_key.ml.id\n  }\n}',
  severity: bucketSeverity('low'),
});
