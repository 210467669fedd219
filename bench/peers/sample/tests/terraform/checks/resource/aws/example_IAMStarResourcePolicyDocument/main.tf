# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV_AWS_355

# fail
resource "aws_iam_policy" "bedrock_all" {
  name = "a"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "bedrock:*", Resource = "*" }]
  })
}

# pass
resource "aws_iam_policy" "bedrock_invoke" {
  name = "b"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "bedrock:InvokeModel", Resource = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0" }]
  })
}
