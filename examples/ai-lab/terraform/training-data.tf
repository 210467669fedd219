# Training data read by a research notebook. Deliberately weak: the bucket declares no encryption and no
# public access block, and the notebook keeps AWS's default direct internet access (Enabled) and root.
# The fixed version of the same stack is in hardened/.

resource "aws_s3_bucket" "training" {
  bucket = "ai-lab-training-data"
}

resource "aws_iam_role" "research" {
  name = "ai-lab-research-notebook"
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
  name          = "ai-lab-research"
  role_arn      = aws_iam_role.research.arn
  instance_type = "ml.t3.medium"
}
