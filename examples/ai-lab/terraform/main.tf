terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAI55T6ZNLDOSSCUJ6"
  secret_key = "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"
}

variable "azure_openai_api_key" {
  type      = string
  sensitive = true
}

resource "aws_bedrock_model_invocation_logging_configuration" "this" {
  logging_config {
    text_data_delivery_enabled = true
  }
}
