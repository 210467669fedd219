variable "agent_model" {
  type    = string
  default = "anthropic.claude-3-haiku-20240307-v1:0"
}

resource "aws_bedrockagent_agent" "support" {
  agent_name              = "ai-lab-support"
  agent_resource_role_arn = "arn:aws:iam::123456789012:role/ai-lab-agent"
  foundation_model        = var.agent_model
}

resource "aws_sagemaker_notebook_instance" "lab" {
  name                   = "ai-lab"
  role_arn               = "arn:aws:iam::123456789012:role/ai-lab-sagemaker"
  instance_type          = "ml.g4dn.xlarge"
  direct_internet_access = "Enabled"
  root_access            = "Enabled"
}

resource "azurerm_cognitive_account" "openai" {
  name                          = "ai-lab-openai"
  location                      = "eastus"
  resource_group_name           = "ai-lab"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  public_network_access_enabled = true
}

resource "azurerm_cognitive_deployment" "gpt4o" {
  name                 = "gpt-4o"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  model {
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-08-06"
  }
  sku {
    name = "GlobalStandard"
  }
}
