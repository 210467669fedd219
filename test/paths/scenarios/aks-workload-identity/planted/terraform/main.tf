resource "azurerm_user_assigned_identity" "trainer" {
  name                = "trainer"
  resource_group_name = "ml"
  location            = "westeurope"
}
resource "azurerm_storage_account" "datasets" {
  name                     = "acmetrainingdatasets"
  resource_group_name      = "ml"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}
resource "azurerm_role_assignment" "trainer_reads" {
  scope                = azurerm_storage_account.datasets.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.trainer.principal_id
}
resource "azurerm_federated_identity_credential" "trainer" {
  name                = "trainer-aks"
  resource_group_name = "ml"
  parent_id           = azurerm_user_assigned_identity.trainer.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = var.oidc_issuer_url
  subject             = "system:serviceaccount:ml:trainer"
}
variable "oidc_issuer_url" { type = string }
