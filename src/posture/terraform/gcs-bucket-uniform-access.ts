/** GCS bucket without uniform bucket-level access (object ACLs stay possible). */
import { attributeRule, bucketSeverity, REFS, refs } from './common.js';

export const gcsBucketUniformAccess = attributeRule({
  meta: {
    id: 'tf/gcs-bucket-uniform-access',
    title: 'GCS bucket does not enforce uniform bucket-level access',
    severity: 'medium',
    category: 'misconfiguration',
    description: 'Without `uniform_bucket_level_access = true` (default false) every object can carry its own ACL, so a single object of a training set or a model file can be made public or writable outside the bucket\'s IAM policy.',
    remediation: 'Set `uniform_bucket_level_access = true`.',
    references: refs(REFS.data, ['https://cloud.google.com/storage/docs/uniform-bucket-level-access', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket']),
    tags: ['terraform', 'gcp', 'gcs'],
    aliases: ['CKV_GCP_29'],
  },
  types: ['google_storage_bucket'],
  path: ['uniform_bucket_level_access'],
  bad: (v) => v !== true && v !== 'true',
  missing: (r) => `GCS bucket ${r.address} sets no uniform_bucket_level_access: the default is false, so object ACLs apply`,
  set: (r, v) => `GCS bucket ${r.address} has uniform_bucket_level_access = ${JSON.stringify(v)}`,
  fix: 'resource "google_storage_bucket" "training" {\n  # ...\n  uniform_bucket_level_access = true\n}',
  severity: bucketSeverity('medium'),
});
