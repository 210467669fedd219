/** tf/azure-storage-public-blob */
import { azureStoragePublicBlob } from '../../../src/posture/terraform/azure-storage-public-blob.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, azureStoragePublicBlob, {
  filename: 'main.tf',
  valid: [
    'resource "azurerm_storage_account" "ml" {\n  name = "ml"\n  allow_nested_items_to_be_public = false\n}\n',
    'resource "azurerm_storage_container" "c" {\n  name = "c"\n  container_access_type = "private"\n}\n',
  ],
  invalid: [
    { code: 'resource "azurerm_storage_account" "ml" {\n  name = "ml"\n}\n', errors: [{ line: 1, message: 'default is true' }] },
    { code: 'resource "azurerm_storage_account" "ml" {\n  name = "ml"\n  allow_nested_items_to_be_public = true\n}\nresource "azurerm_storage_container" "c" {\n  name = "c"\n  container_access_type = "blob"\n}\n', errors: [{ line: 3 }, { line: 7, message: 'anyone can read its blobs' }] },
  ],
});
