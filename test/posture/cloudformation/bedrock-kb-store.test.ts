/** cfn/bedrock-kb-store-public and cfn/bedrock-kb-store-unencrypted: the knowledge base's collection policies (literal JSON and !Sub with a parameter) and its Aurora cluster; safe twins stay quiet. */
import { cfnBedrockKbStorePublic } from '../../../src/posture/cloudformation/bedrock-kb-store-public.js';
import { cfnBedrockKbStoreUnencrypted } from '../../../src/posture/cloudformation/bedrock-kb-store-unencrypted.js';
import { cloudFormationKind } from '../../../src/documents/cloudformation/index.js';
import { ruleTester } from '../../support/rule-tester.js';

const AOSS = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  CollectionName:
    Type: String
    Default: kb-docs
Resources:
  Kb:
    Type: AWS::Bedrock::KnowledgeBase
    Properties:
      Name: docs
      StorageConfiguration:
        Type: OPENSEARCH_SERVERLESS
        OpensearchServerlessConfiguration:
          CollectionArn: !GetAtt Collection.Arn
  Collection:
    Type: AWS::OpenSearchServerless::Collection
    Properties:
      Name: !Ref CollectionName
      Type: VECTORSEARCH
`;
const policy = (type: string, body: string) => `  Policy${type}:
    Type: AWS::OpenSearchServerless::SecurityPolicy
    Properties:
      Name: kb-${type}
      Type: ${type}
      Policy: ${body}
`;
const RDS = (cluster: string, instance: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Kb:
    Type: AWS::Bedrock::KnowledgeBase
    Properties:
      StorageConfiguration:
        Type: RDS
        RdsConfiguration:
          ResourceArn: !GetAtt Cluster.DBClusterArn
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
${cluster}  Instance:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
${instance}`;

ruleTester(cloudFormationKind, cfnBedrockKbStorePublic, {
  filename: 'template.yaml',
  valid: [
    AOSS + policy('network', `'[{"Rules":[{"ResourceType":"collection","Resource":["collection/kb-docs"]}],"AllowFromPublic":false,"SourceVPCEs":["vpce-1"]}]'`),
    AOSS + policy('network', `'[{"Rules":[{"ResourceType":"collection","Resource":["collection/other"]}],"AllowFromPublic":true}]'`),
    RDS('      StorageEncrypted: true\n', '      PubliclyAccessible: false\n'),
  ],
  invalid: [
    { name: 'public network policy (!Sub with the parameter)', code: AOSS + policy('network', `!Sub '[{"Rules":[{"ResourceType":"collection","Resource":["collection/\${CollectionName}"]}],"AllowFromPublic":true}]'`), errors: [{ line: 25, message: 'opens to the internet' }] },
    { name: 'public Aurora instance', code: RDS('      StorageEncrypted: true\n', '      PubliclyAccessible: true\n'), errors: [{ line: 19, message: 'publicly accessible' }] },
  ],
});

ruleTester(cloudFormationKind, cfnBedrockKbStoreUnencrypted, {
  filename: 'template.yaml',
  valid: [
    AOSS + policy('encryption', `'{"Rules":[{"ResourceType":"collection","Resource":["collection/kb-*"]}],"KmsARN":"arn:aws:kms:us-east-1:111122223333:key/abc"}'`),
    RDS('      StorageEncrypted: true\n', ''),
    RDS('      SnapshotIdentifier: snap-1\n', ''),
  ],
  invalid: [
    { name: 'AWS-owned key, wildcard pattern', code: AOSS + policy('encryption', `'{"Rules":[{"ResourceType":"collection","Resource":["collection/kb-*"]}],"AWSOwnedKey":true}'`), errors: [{ line: 25, message: 'AWS-owned key' }] },
    { name: 'cluster without StorageEncrypted', code: RDS('', ''), errors: [{ line: 10, message: 'the default is false', severity: 'high' }] },
    { name: 'StorageEncrypted false', code: RDS('      StorageEncrypted: false\n', ''), errors: [{ line: 14 }] },
  ],
});
