# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV_AWS_373

# fail
resource "aws_bedrockagent_agent" "plain" {
  agent_name              = "a"
  agent_resource_role_arn = aws_iam_role.agent.arn
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

# pass
resource "aws_bedrockagent_agent" "cmk" {
  agent_name                  = "b"
  agent_resource_role_arn     = aws_iam_role.agent.arn
  foundation_model            = "anthropic.claude-3-haiku-20240307-v1:0"
  customer_encryption_key_arn = aws_kms_key.agent.arn
}
