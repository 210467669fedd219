/** tf/gcs-bucket-public: allUsers / allAuthenticatedUsers; named members are the safe twin; Vertex AI use raises severity. */
import { gcsBucketPublic } from '../../../src/posture/terraform/gcs-bucket-public.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

const bucket = 'resource "google_storage_bucket" "data" {\n  name = "acme-data"\n}\n';
const member = (m: string) => `resource "google_storage_bucket_iam_member" "m" {\n  bucket = google_storage_bucket.data.name\n  role   = "roles/storage.objectViewer"\n  member = "${m}"\n}\n`;

ruleTester(terraformKind, gcsBucketPublic, {
  filename: 'main.tf',
  valid: [bucket + member('serviceAccount:trainer@acme.iam.gserviceaccount.com')],
  invalid: [
    { code: bucket + member('allUsers'), errors: [{ line: 7, severity: 'high', message: 'to allUsers' }] },
    {
      name: 'bucket used by a Vertex AI dataset: raised',
      code: bucket + 'resource "google_storage_bucket_iam_binding" "b" {\n  bucket  = google_storage_bucket.data.name\n  role    = "roles/storage.objectViewer"\n  members = ["allAuthenticatedUsers"]\n}\nresource "google_vertex_ai_dataset" "d" {\n  display_name = "d"\n  metadata_schema_uri = "gs://acme-data/schema.yaml"\n}\n',
      errors: [{ line: 7, severity: 'critical', message: 'allAuthenticatedUsers' }],
    },
  ],
});
