# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV_AWS_267

# fail
resource "aws_comprehend_entity_recognizer" "plain" {
  name          = "a"
  language_code = "en"
}

# pass
resource "aws_comprehend_entity_recognizer" "cmk" {
  name              = "b"
  language_code     = "en"
  model_kms_key_id  = aws_kms_key.ml.arn
  volume_kms_key_id = aws_kms_key.ml.arn
}
