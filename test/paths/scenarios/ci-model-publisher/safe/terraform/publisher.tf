resource "google_service_account" "model_publisher" {
  project      = "acme-ml-prod"
  account_id   = "model-publisher"
  display_name = "Publishes benchmarked model candidates"
}

resource "google_storage_bucket" "models" {
  project                     = "acme-ml-prod"
  name                        = "acme-ml-models"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
}

resource "google_storage_bucket_iam_member" "publisher_writes_models" {
  bucket = google_storage_bucket.models.name
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:${google_service_account.model_publisher.email}"
}

resource "google_service_account_iam_member" "github_wif" {
  service_account_id = google_service_account.model_publisher.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/projects/482915736104/locations/global/workloadIdentityPools/github/attribute.repository/acme/ml-bench"
}
