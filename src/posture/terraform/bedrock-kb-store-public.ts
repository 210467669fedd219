/**
 * The vector store of a Bedrock knowledge base is reachable from the internet: an OpenSearch
 * Serverless network policy with `AllowFromPublic: true` that names the collection, or an Aurora
 * instance of the RDS cluster with `publicly_accessible = true`.
 */
import type { PostureHit } from '../rule.js';
import { hitAt, REFS, refs, type TfRule } from './common.js';
import { collectionPolicies, kbStores } from './kb-stores.js';

export const bedrockKbStorePublic: TfRule = {
  meta: {
    id: 'tf/bedrock-kb-store-public',
    title: 'Bedrock knowledge-base vector store reachable from the internet',
    severity: 'high',
    category: 'exposure',
    description:
      'A knowledge base keeps the chunks and embeddings of every document it indexed in its vector store. An OpenSearch Serverless collection whose network policy has `AllowFromPublic: true`, or an Aurora cluster with a publicly accessible instance, puts that store on the internet: one leaked credential or over-broad data access policy and the corpus can be read, or poisoned so that retrieval feeds the model attacker text (OWASP LLM08).',
    remediation:
      'Reach the collection through a VPC endpoint (network policy with `SourceVPCEs`, `AllowFromPublic = false`), and keep Aurora instances private.\n\n```hcl\nresource "aws_opensearchserverless_security_policy" "kb_network" {\n  name = "kb-network"\n  type = "network"\n  policy = jsonencode([{\n    Rules           = [{ ResourceType = "collection", Resource = ["collection/kb"] }]\n    AllowFromPublic = false\n    SourceVPCEs     = [aws_opensearchserverless_vpc_endpoint.kb.id]\n  }])\n}\n```',
    references: refs({ ...REFS.exposure, owaspLlm: ['LLM02', 'LLM08'] }, ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-network.html', 'https://docs.aws.amazon.com/bedrock/latest/userguide/knowledge-base-setup.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearchserverless_security_policy']),
    tags: ['terraform', 'aws', 'bedrock', 'rag'],
    aliases: ['CKV_AWS_17'],
  },
  check(mod) {
    const hits: PostureHit[] = [];
    for (const { kb, kind, store } of kbStores(mod)) {
      if (kind === 'opensearch') {
        for (const { policy, entries } of collectionPolicies(mod, store, 'network')) {
          if (!entries.some((e) => e.public)) continue;
          const line = policy.block.attributes.policy?.line ?? policy.block.line;
          hits.push(hitAt(policy, line, `network:${kb.address}:${store.address}`, `Knowledge base ${kb.address} stores its vectors in ${store.address}, which network policy ${policy.address} opens to the internet (AllowFromPublic = true)`, { evidence: 'AllowFromPublic = true', assetId: kb.assetId }));
        }
      } else {
        for (const inst of mod.ofType('aws_rds_cluster_instance')) {
          if (!mod.references(inst.block.attributes.cluster_identifier).includes(store.address)) continue;
          const a = inst.block.attributes.publicly_accessible;
          if (mod.value(a) !== true) continue;
          hits.push(hitAt(inst, a!.line, `rds:${kb.address}:${inst.address}`, `Knowledge base ${kb.address} stores its vectors in ${store.address}, whose instance ${inst.address} is publicly accessible`, { evidence: 'publicly_accessible = true', assetId: kb.assetId }));
        }
      }
    }
    return hits;
  },
};
