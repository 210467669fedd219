# aigis sample fixture (ours, not Checkov's), in Checkov's layout; labels by # pass / # fail.
# check: CKV_AWS_383

# fail
resource "aws_bedrockagent_agent" "bare" {
  agent_name              = "a"
  agent_resource_role_arn = aws_iam_role.agent.arn
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}

# pass
resource "aws_bedrockagent_agent" "guarded" {
  agent_name              = "b"
  agent_resource_role_arn = aws_iam_role.agent.arn
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  guardrail_configuration {
    guardrail_identifier = aws_bedrock_guardrail.g.guardrail_id
    guardrail_version    = "1"
  }
}
