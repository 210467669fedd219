# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV_AWS_98

# fail
resource "aws_sagemaker_endpoint_configuration" "plain" {
  name = "a"
  production_variants {
    variant_name = "v"
    model_name   = aws_sagemaker_model.m.name
  }
}

# pass
resource "aws_sagemaker_endpoint_configuration" "cmk" {
  name        = "b"
  kms_key_arn = aws_kms_key.ml.arn
  production_variants {
    variant_name = "v"
    model_name   = aws_sagemaker_model.m.name
  }
}
