# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV2_AWS_6

# fail
resource "aws_s3_bucket" "open" {
  bucket = "models-open"
}

# pass
resource "aws_s3_bucket" "blocked" {
  bucket = "models-blocked"
}

resource "aws_s3_bucket_public_access_block" "blocked" {
  bucket                  = aws_s3_bucket.blocked.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
