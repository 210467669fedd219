# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV_AWS_122

# fail
resource "aws_sagemaker_notebook_instance" "enabled" {
  name                   = "a"
  role_arn               = "arn:aws:iam::111122223333:role/nb"
  instance_type          = "ml.t3.medium"
  direct_internet_access = "Enabled"
}

# pass
resource "aws_sagemaker_notebook_instance" "disabled" {
  name                   = "b"
  role_arn               = "arn:aws:iam::111122223333:role/nb"
  instance_type          = "ml.t3.medium"
  subnet_id              = "subnet-1"
  direct_internet_access = "Disabled"
}

# pass (as Checkov labels it: the attribute is missing, but AWS's default is Enabled)
resource "aws_sagemaker_notebook_instance" "default" {
  name          = "c"
  role_arn      = "arn:aws:iam::111122223333:role/nb"
  instance_type = "ml.t3.medium"
}
