# The AWS role behind the ray-trainer service account (IRSA, k8s/ray.yaml): it may read
# the training-data bucket of data.tf. Scoped to that bucket — the problem is who can reach it.
resource "aws_iam_role" "ray_trainer" {
  name = "ai-lab-ray-trainer"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithWebIdentity", Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE" } }]
  })
}

resource "aws_iam_role_policy" "ray_trainer_reads_training" {
  role = aws_iam_role.ray_trainer.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:ListBucket"], Resource = [aws_s3_bucket.training.arn, "${aws_s3_bucket.training.arn}/*"] }]
  })
}
