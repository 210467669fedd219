variable "region" {
  type    = string
  default = "us-east-1"
}

variable "agent_model" {
  description = "Foundation model of the support agent"
  type        = string
  default     = "anthropic.claude-3-5-sonnet-20240620-v1:0"
}

variable "openai_model" {
  type    = string
  default = "gpt-4o"
}
