# The safe twin of ../training-data.tf: the same notebook and training bucket, configured so that no
# tf/* rule fires.

resource "aws_kms_key" "ml" {
  description         = "ai-lab training data and notebook volumes"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "training" {
  bucket = "ai-lab-training-data-hardened"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "training" {
  bucket = aws_s3_bucket.training.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.ml.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "training" {
  bucket                  = aws_s3_bucket.training.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_iam_role" "research" {
  name = "ai-lab-research-notebook-hardened"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "research_reads_training" {
  role = aws_iam_role.research.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:ListBucket"], Resource = [aws_s3_bucket.training.arn, "${aws_s3_bucket.training.arn}/*"] }]
  })
}

resource "aws_sagemaker_notebook_instance" "research" {
  name                   = "ai-lab-research-hardened"
  role_arn               = aws_iam_role.research.arn
  instance_type          = "ml.t3.medium"
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
  kms_key_id             = aws_kms_key.ml.arn
  subnet_id              = "subnet-0a1b2c3d4e5f60718"
  security_groups        = ["sg-0a1b2c3d4e5f60718"]
  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}
