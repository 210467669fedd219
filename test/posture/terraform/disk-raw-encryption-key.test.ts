/** tf/disk-raw-encryption-key: literal or file() keys fire; KMS keys and keys from variables stay quiet. */
import { diskRawEncryptionKey } from '../../../src/posture/terraform/disk-raw-encryption-key.js';
import { ruleTester } from '../../support/rule-tester.js';
import { terraformKind } from './helpers.js';

ruleTester(terraformKind, diskRawEncryptionKey, {
  filename: 'main.tf',
  valid: [
    'resource "google_compute_disk" "d" {\n  name = "d"\n  disk_encryption_key {\n    kms_key_self_link = google_kms_crypto_key.k.id\n  }\n}\n',
    'resource "google_compute_disk" "d" {\n  name = "d"\n  disk_encryption_key {\n    raw_key = var.csek\n  }\n}\n',
  ],
  invalid: [
    { code: 'resource "google_compute_disk" "d" {\n  name = "d"\n  disk_encryption_key {\n    raw_key = file("keys/disk.key")\n  }\n}\n', errors: [{ line: 4, message: 'a file read with file()' }] },
    { code: 'resource "google_compute_instance" "vm" {\n  name = "vm"\n  boot_disk {\n    disk_encryption_key_raw = "SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0="\n  }\n}\n', errors: [{ line: 4, message: 'a literal in the configuration' }] },
  ],
});
