/** CloudFormation twin of tf/bedrock-kb-data-source-no-kms: `AWS::Bedrock::DataSource` `ServerSideEncryptionConfiguration.KmsKeyArn`. */
import { bedrockKbDataSourceNoKms } from '../terraform/bedrock-kb-data-source-no-kms.js';
import { empty, propertyRule, twinMeta } from './common.js';

const FIX = 'Type: AWS::Bedrock::DataSource\nProperties:\n  ServerSideEncryptionConfiguration:\n    KmsKeyArn: !GetAtt RagKey.Arn';

export const cfnBedrockKbDataSourceNoKms = propertyRule({
  meta: twinMeta(bedrockKbDataSourceNoKms.meta, { id: 'cfn/bedrock-kb-data-source-no-kms', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-bedrock-datasource.html', fix: FIX, aliases: [] }),
  types: ['AWS::Bedrock::DataSource'],
  path: ['ServerSideEncryptionConfiguration', 'KmsKeyArn'],
  bad: (v) => empty(v),
  missing: (r) => `${r.type} ${r.logicalId} sets no ServerSideEncryptionConfiguration.KmsKeyArn: ingestion's transient data uses an AWS-owned key`,
  set: (r) => `${r.type} ${r.logicalId} has an empty KmsKeyArn`,
  fix: FIX,
});
