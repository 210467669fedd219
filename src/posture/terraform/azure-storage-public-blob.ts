/** Azure storage accounts and containers that allow anonymous blob access. */
import type { PostureHit } from '../rule.js';
import { hitAt, REFS, refs, type TfRule } from './common.js';

export const azureStoragePublicBlob: TfRule = {
  meta: {
    id: 'tf/azure-storage-public-blob',
    title: 'Azure storage allows anonymous (public) blob access',
    severity: 'high',
    category: 'exposure',
    description:
      'A storage account with `allow_nested_items_to_be_public = true` lets any container be made public, and a container with `container_access_type` `blob` or `container` is readable by anyone. In azurerm 3.x the account attribute defaults to true, so an absent attribute also allows it.',
    remediation: 'Set `allow_nested_items_to_be_public = false` on the account and `container_access_type = "private"` on containers.\n\n```hcl\nresource "azurerm_storage_account" "ml" {\n  # ...\n  allow_nested_items_to_be_public = false\n}\n```',
    references: refs(REFS.data, ['https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account']),
    tags: ['terraform', 'azure', 'storage'],
    aliases: ['CKV_AZURE_190'],
  },
  check(mod) {
    const hits: PostureHit[] = [];
    for (const r of mod.ofType('azurerm_storage_account')) {
      const a = r.block.attributes.allow_nested_items_to_be_public ?? r.block.attributes.allow_blob_public_access;
      const v = mod.value(a);
      if (a && (v === false || v === 'false' || (typeof v === 'string' && v.includes('${')))) continue;
      hits.push(hitAt(r, a?.line ?? r.block.line, 'nested-public', a ? `Storage account ${r.address} has ${a.name} = ${JSON.stringify(v)}: containers can be made public` : `Storage account ${r.address} sets no allow_nested_items_to_be_public: the azurerm 3.x default is true, so containers can be made public`, a ? { evidence: `${a.name} = ${JSON.stringify(v)}` } : {}));
    }
    for (const r of mod.ofType('azurerm_storage_container')) {
      const a = r.block.attributes.container_access_type;
      const v = mod.value(a);
      if (a && (v === 'blob' || v === 'container')) hits.push(hitAt(r, a.line, 'access-type', `Storage container ${r.address} has container_access_type = "${v}": anyone can read its blobs`, { evidence: `container_access_type = "${v}"` }));
    }
    return hits;
  },
};
