resource "aws_bedrockagent_agent" "support" {
  agent_name              = "support-agent"
  agent_resource_role_arn = aws_iam_role.bedrock_agent.arn
  foundation_model        = var.agent_model
  instruction             = "You answer customer support questions using the knowledge base only."
}

resource "aws_bedrockagent_knowledge_base" "docs" {
  name     = "support-docs"
  role_arn = aws_iam_role.bedrock_agent.arn
  knowledge_base_configuration {
    type = "VECTOR"
    vector_knowledge_base_configuration {
      embedding_model_arn = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"
    }
  }
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
  }
}

resource "aws_bedrock_guardrail" "support" {
  name                      = "support-guardrail"
  blocked_input_messaging   = "Sorry, I cannot help with that."
  blocked_outputs_messaging = "Sorry, I cannot help with that."
}

resource "aws_iam_role" "bedrock_agent" {
  name               = "bedrock-agent"
  assume_role_policy = "{}"
}
