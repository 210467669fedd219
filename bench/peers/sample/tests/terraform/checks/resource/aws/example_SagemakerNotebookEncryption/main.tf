# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV_AWS_22

# fail
resource "aws_sagemaker_notebook_instance" "plain" {
  name = "a"
}

# pass
resource "aws_sagemaker_notebook_instance" "cmk" {
  name       = "b"
  kms_key_id = aws_kms_key.ml.arn
}
