/** CloudFormation twin of tf/bedrock-kb-store-unencrypted: AWS-owned key on the KB's collection, or its Aurora cluster without StorageEncrypted. */
import { bedrockKbStoreUnencrypted } from '../terraform/bedrock-kb-store-unencrypted.js';
import type { PostureHit } from '../rule.js';
import { cfnAssetId } from '../../documents/cloudformation/index.js';
import { cfnHit, intrinsic, propertyAt, twinMeta, type CfnRule } from './common.js';
import { cfnCollectionPolicies, cfnKbStores } from './kb-stores.js';

const FIX = 'Type: AWS::RDS::DBCluster\nProperties:\n  Engine: aurora-postgresql\n  StorageEncrypted: true\n  KmsKeyId: !Ref RagKey';

export const cfnBedrockKbStoreUnencrypted: CfnRule = {
  meta: twinMeta(bedrockKbStoreUnencrypted.meta, { id: 'cfn/bedrock-kb-store-unencrypted', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbcluster.html', fix: FIX, aliases: ['CKV_AWS_96', 'AVD-AWS-0079'] }),
  check(t) {
    const hits: PostureHit[] = [];
    for (const { kb, kind, store } of cfnKbStores(t)) {
      const assetId = cfnAssetId(t, kb.logicalId);
      if (kind === 'opensearch') {
        for (const { policy, entries } of cfnCollectionPolicies(t, store, 'encryption')) {
          if (entries.some((e) => e.awsOwnedKey)) hits.push(cfnHit(t, policy, policy.lineOf(['Policy']), `aoss:${kb.logicalId}:${store.logicalId}`, `Knowledge base ${kb.logicalId} stores its vectors in ${store.logicalId}, which encryption policy ${policy.logicalId} encrypts with an AWS-owned key (AWSOwnedKey: true)`, { evidence: 'AWSOwnedKey: true', assetId }));
        }
        continue;
      }
      // Aurora Serverless v1 is always encrypted; a cluster restored from a snapshot inherits its encryption.
      if (store.properties.EngineMode === 'serverless' || store.properties.SnapshotIdentifier !== undefined || store.properties.SourceDBClusterIdentifier !== undefined) continue;
      const { present, value } = propertyAt(t, store, ['StorageEncrypted']);
      if (present && (intrinsic(value) || value === true || value === 'true')) continue;
      const msg = present ? `Knowledge base ${kb.logicalId} stores its vectors in ${store.logicalId}, which sets StorageEncrypted: ${JSON.stringify(value)}` : `Knowledge base ${kb.logicalId} stores its vectors in ${store.logicalId}, which sets no StorageEncrypted: the default is false, so the documents are stored unencrypted`;
      hits.push(cfnHit(t, store, present ? store.lineOf(['StorageEncrypted']) : store.line, `rds:${kb.logicalId}`, msg, { severity: 'high', assetId }));
    }
    return hits;
  },
};
