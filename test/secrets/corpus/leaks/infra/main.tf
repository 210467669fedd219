provider "aws" {
  region     = "us-east-1"
  access_key = "ASIACASHT7R5NN3C35EU"
  secret_key = "9GrEAVRcZYo3lgNqr565MJGTq3XLuqAKowIyJhvn"
}

variable "openai_api_key" {
  type    = string
  default = "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"
}

resource "aws_bedrock_model_invocation_logging_configuration" "x" {}
