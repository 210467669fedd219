# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV_AWS_20

# fail
resource "aws_s3_bucket" "public" {
  bucket = "datasets-public"
  acl    = "public-read"
}

# pass
resource "aws_s3_bucket" "private" {
  bucket = "datasets-private"
  acl    = "private"
}
