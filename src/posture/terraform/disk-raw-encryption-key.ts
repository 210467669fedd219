/** Compute disks whose customer-supplied encryption key is a literal or read from a file. */
import type { TfAttribute, TfBlock, TfExpr } from '../../documents/terraform/index.js';
import { nested } from '../../documents/terraform/index.js';
import type { PostureHit } from '../rule.js';
import { hitAt, refs, type TfRule } from './common.js';

const KEY_ATTRS = ['raw_key', 'rsa_encrypted_key', 'disk_encryption_key_raw', 'disk_encryption_key_rsa'];

/** How the key is written: a literal, a `file()`/`filebase64()` read, or something else (a variable, a secret). */
function source(e: TfExpr): 'literal' | 'file' | undefined {
  if (e.t === 'lit' && typeof e.v === 'string' && e.v) return 'literal';
  if (e.t === 'call' && /^(?:file|filebase64|templatefile)$/.test(e.name)) return 'file';
  if (e.t === 'call' && /^(?:base64encode|trimspace|chomp)$/.test(e.name) && e.args[0]) return source(e.args[0]);
  return undefined;
}

function keyAttrs(block: TfBlock, depth = 0): TfAttribute[] {
  if (depth > 4) return [];
  const own = KEY_ATTRS.map((k) => block.attributes[k]).filter((a): a is TfAttribute => !!a);
  const inner = ['disk_encryption_key', 'boot_disk', 'attached_disk', 'source_image_encryption_key', 'source_snapshot_encryption_key', 'initialize_params'].flatMap((n) => nested(block, n)).flatMap((b) => keyAttrs(b, depth + 1));
  return [...own, ...inner];
}

export const diskRawEncryptionKey: TfRule = {
  meta: {
    id: 'tf/disk-raw-encryption-key',
    title: 'Disk encryption key written in the configuration or read from a file',
    severity: 'high',
    category: 'secret',
    description:
      'A customer-supplied encryption key (`raw_key`, `disk_encryption_key_raw`) given as a literal or read with `file()` sits in the repository and in the Terraform state in clear text: anyone who can read either can decrypt the disks (and their snapshots) that hold training data and model weights.',
    remediation: 'Use a Cloud KMS key (`kms_key_self_link`) instead of a raw key; if a CSEK is required, pass it from a secret manager at apply time and never commit it.\n\n```hcl\ndisk_encryption_key {\n  kms_key_self_link = google_kms_crypto_key.disks.id\n}\n```',
    references: refs({ cwe: ['CWE-321', 'CWE-798'], owaspLlm: ['LLM02'], atlas: ['AML.T0035'] }, ['https://cloud.google.com/compute/docs/disks/customer-supplied-encryption', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_disk']),
    tags: ['terraform', 'gcp', 'compute'],
  },
  check(mod) {
    const hits: PostureHit[] = [];
    for (const r of mod.resources) {
      if (r.mode !== 'resource' || !/^google_compute_(?:disk|region_disk|instance|instance_template|region_instance_template|image|snapshot)$/.test(r.type)) continue;
      keyAttrs(r.block).forEach((a, i) => {
        const how = source(a.expr);
        if (!how) return;
        hits.push(hitAt(r, a.line, `${a.name}#${i}`, `${r.address} sets ${a.name} from ${how === 'file' ? 'a file read with file()' : 'a literal in the configuration'}: the raw disk key is in the repository and the state`, { evidence: `${a.name} = ${how === 'file' ? 'file(…)' : '<redacted>'}` }));
      });
    }
    return hits;
  },
};
