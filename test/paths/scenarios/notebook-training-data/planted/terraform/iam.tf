data "aws_iam_policy_document" "notebook_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.oidc_issuer}:sub"
      values   = ["system:serviceaccount:research:research-notebook"]
    }
  }
}

resource "aws_iam_role" "research_notebook" {
  name               = "research-notebook"
  assume_role_policy = data.aws_iam_policy_document.notebook_trust.json
}

resource "aws_iam_role_policy" "read_training_data" {
  name = "read-training-data"
  role = aws_iam_role.research_notebook.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:ListBucket"]
      Resource = [aws_s3_bucket.training_data.arn, "${aws_s3_bucket.training_data.arn}/*"]
    }]
  })
}
