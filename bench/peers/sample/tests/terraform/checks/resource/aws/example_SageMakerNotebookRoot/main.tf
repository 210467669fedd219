# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV_AWS_307

# fail
resource "aws_sagemaker_notebook_instance" "root" {
  name        = "a"
  root_access = "Enabled"
}

# fail
resource "aws_sagemaker_notebook_instance" "default" {
  name = "b"
}

# pass
resource "aws_sagemaker_notebook_instance" "no_root" {
  name        = "c"
  root_access = "Disabled"
}
