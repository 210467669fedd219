# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV_AWS_370

# fail
resource "aws_sagemaker_model" "open" {
  name               = "a"
  execution_role_arn = aws_iam_role.m.arn
}

# fail
resource "aws_sagemaker_model" "off" {
  name                     = "b"
  execution_role_arn       = aws_iam_role.m.arn
  enable_network_isolation = false
}

# pass
resource "aws_sagemaker_model" "isolated" {
  name                     = "c"
  execution_role_arn       = aws_iam_role.m.arn
  enable_network_isolation = true
}
