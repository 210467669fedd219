# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV_AWS_371

# fail
resource "aws_sagemaker_notebook_instance" "v1" {
  name = "a"
  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "1"
  }
}

# pass
resource "aws_sagemaker_notebook_instance" "v2" {
  name = "b"
  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}
