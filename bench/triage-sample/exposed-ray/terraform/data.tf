# The training-data bucket the trainer's role reads (iam.tf). No encryption, no public access block.
resource "aws_s3_bucket" "training" {
  bucket = "scenario-training-data"
}
