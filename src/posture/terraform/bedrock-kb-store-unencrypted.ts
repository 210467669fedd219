/**
 * The vector store of a Bedrock knowledge base is not encrypted with a customer-managed key: the
 * OpenSearch Serverless encryption policy of the collection uses `AWSOwnedKey: true`, or the Aurora
 * cluster does not set `storage_encrypted = true` (the default for provisioned clusters is false).
 */
import type { PostureHit } from '../rule.js';
import { hitAt, REFS, refs, type TfRule } from './common.js';
import { collectionPolicies, kbStores } from './kb-stores.js';

export const bedrockKbStoreUnencrypted: TfRule = {
  meta: {
    id: 'tf/bedrock-kb-store-unencrypted',
    title: 'Bedrock knowledge-base vector store not encrypted with a customer-managed key',
    severity: 'medium',
    category: 'misconfiguration',
    description:
      'The vector store of a knowledge base holds the text of every indexed document next to its embedding. An Aurora cluster without `storage_encrypted = true` keeps it unencrypted at rest (the default for provisioned clusters); an OpenSearch Serverless encryption policy with `AWSOwnedKey: true` encrypts it with a key you cannot restrict, audit or revoke. Severity is high for the unencrypted cluster.',
    remediation:
      'Encrypt the store with a customer-managed key: `KmsARN` in the collection\'s encryption policy, `storage_encrypted = true` with `kms_key_id` on the cluster.\n\n```hcl\nresource "aws_rds_cluster" "kb" {\n  # ...\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.rag.arn\n}\n```',
    references: refs({ ...REFS.encryption, owaspLlm: ['LLM02', 'LLM08'] }, ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-encryption.html', 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster']),
    tags: ['terraform', 'aws', 'bedrock', 'rag'],
    aliases: ['CKV_AWS_96', 'AVD-AWS-0079'],
  },
  check(mod) {
    const hits: PostureHit[] = [];
    for (const { kb, kind, store } of kbStores(mod)) {
      if (kind === 'opensearch') {
        for (const { policy, entries } of collectionPolicies(mod, store, 'encryption')) {
          if (!entries.some((e) => e.awsOwnedKey)) continue;
          const line = policy.block.attributes.policy?.line ?? policy.block.line;
          hits.push(hitAt(policy, line, `aoss:${kb.address}:${store.address}`, `Knowledge base ${kb.address} stores its vectors in ${store.address}, which encryption policy ${policy.address} encrypts with an AWS-owned key (AWSOwnedKey = true)`, { evidence: 'AWSOwnedKey = true', assetId: kb.assetId }));
        }
        continue;
      }
      // Aurora Serverless v1 (`engine_mode = "serverless"`) is always encrypted; a restored snapshot keeps its own encryption.
      if (mod.value(store.block.attributes.engine_mode) === 'serverless' || store.block.attributes.snapshot_identifier) continue;
      const a = store.block.attributes.storage_encrypted;
      const v = mod.value(a);
      if (v === true || (typeof v === 'string' && v.includes('${'))) continue;
      const msg = a ? `Knowledge base ${kb.address} stores its vectors in ${store.address}, which sets storage_encrypted = ${JSON.stringify(v)}` : `Knowledge base ${kb.address} stores its vectors in ${store.address}, which sets no storage_encrypted: the default is false, so the documents are stored unencrypted`;
      hits.push(hitAt(store, a?.line ?? store.block.line, `rds:${kb.address}`, msg, { severity: 'high', assetId: kb.assetId, ...(a ? { evidence: `storage_encrypted = ${JSON.stringify(v)}` } : {}) }));
    }
    return hits;
  },
};
