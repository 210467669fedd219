resource "aws_s3_bucket" "model_artifacts" {
  bucket = "acme-risk-model-artifacts"
}

resource "aws_s3_bucket_versioning" "model_artifacts" {
  bucket = aws_s3_bucket.model_artifacts.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_iam_role" "fraud_scorer" {
  name = "fraud-scorer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::345678901234:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE" }
    }]
  })
}

resource "aws_iam_policy" "scorer_models" {
  name = "fraud-scorer-models"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]
      Resource = [aws_s3_bucket.model_artifacts.arn, "${aws_s3_bucket.model_artifacts.arn}/*"]
    }]
  })
}

resource "aws_iam_role_policy_attachment" "scorer_models" {
  role       = aws_iam_role.fraud_scorer.name
  policy_arn = aws_iam_policy.scorer_models.arn
}
