/** CloudFormation twin of tf/bedrock-kb-store-public: the KB's collection opened by a public network policy, or a public instance of its Aurora cluster. */
import { bedrockKbStorePublic } from '../terraform/bedrock-kb-store-public.js';
import type { PostureHit } from '../rule.js';
import { cfnAssetId } from '../../documents/cloudformation/index.js';
import { cfnHit, twinMeta, type CfnRule } from './common.js';
import { cfnCollectionPolicies, cfnKbStores } from './kb-stores.js';
import { referencesIn } from './refs.js';

const FIX = 'Type: AWS::OpenSearchServerless::SecurityPolicy\nProperties:\n  Name: kb-network\n  Type: network\n  Policy: !Sub \'[{"Rules":[{"ResourceType":"collection","Resource":["collection/kb"]}],"AllowFromPublic":false,"SourceVPCEs":["${KbEndpoint}"]}]\'';

export const cfnBedrockKbStorePublic: CfnRule = {
  meta: twinMeta(bedrockKbStorePublic.meta, { id: 'cfn/bedrock-kb-store-public', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-opensearchserverless-securitypolicy.html', fix: FIX, aliases: ['CKV_AWS_17'] }),
  check(t) {
    const hits: PostureHit[] = [];
    for (const { kb, kind, store } of cfnKbStores(t)) {
      const assetId = cfnAssetId(t, kb.logicalId);
      if (kind === 'opensearch') {
        for (const { policy, entries } of cfnCollectionPolicies(t, store, 'network')) {
          if (entries.some((e) => e.public)) hits.push(cfnHit(t, policy, policy.lineOf(['Policy']), `network:${kb.logicalId}:${store.logicalId}`, `Knowledge base ${kb.logicalId} stores its vectors in ${store.logicalId}, which network policy ${policy.logicalId} opens to the internet (AllowFromPublic: true)`, { evidence: 'AllowFromPublic: true', assetId }));
        }
        continue;
      }
      for (const inst of t.resources) {
        if (inst.type !== 'AWS::RDS::DBInstance' || !referencesIn(inst.properties.DBClusterIdentifier).includes(store.logicalId)) continue;
        const v = inst.properties.PubliclyAccessible;
        if (v !== true && v !== 'true') continue;
        hits.push(cfnHit(t, inst, inst.lineOf(['PubliclyAccessible']), `rds:${kb.logicalId}`, `Knowledge base ${kb.logicalId} stores its vectors in ${store.logicalId}, whose instance ${inst.logicalId} is publicly accessible`, { evidence: 'PubliclyAccessible: true', assetId }));
      }
    }
    return hits;
  },
};
