# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV_AWS_306

# fail
resource "aws_sagemaker_notebook_instance" "no_subnet" {
  name = "a"
}

# pass
resource "aws_sagemaker_notebook_instance" "subnet" {
  name            = "b"
  subnet_id       = aws_subnet.private.id
  security_groups = [aws_security_group.nb.id]
}
