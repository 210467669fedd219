resource "azurerm_cognitive_account" "openai" {
  name                          = "acme-openai"
  location                      = "swedencentral"
  resource_group_name           = "rg-ai"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "acme-openai"
  public_network_access_enabled = true
}

resource "azurerm_cognitive_deployment" "chat" {
  name                 = "chat"
  cognitive_account_id = azurerm_cognitive_account.openai.id

  model {
    format  = "OpenAI"
    name    = var.openai_model
    version = "2024-08-06"
  }

  sku {
    name = "Standard"
  }
}
