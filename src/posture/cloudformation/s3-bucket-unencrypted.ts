/** CloudFormation twin of tf/s3-bucket-unencrypted: the same check over AWS::S3::Bucket. */
import { s3BucketUnencrypted } from '../terraform/s3-bucket-unencrypted.js';
import { raise } from '../terraform/common.js';
import { propertyRule } from './common.js';
import { aiBuckets } from './refs.js';

const FIX = "Properties:\n  BucketEncryption:\n    ServerSideEncryptionConfiguration:\n      - ServerSideEncryptionByDefault:\n          SSEAlgorithm: aws:kms\n          KMSMasterKeyID: !Ref MlKey\n        BucketKeyEnabled: true";
const tf = s3BucketUnencrypted.meta;

export const cfnS3BucketUnencrypted = propertyRule({
  meta: {
    ...tf,
    id: 'cfn/s3-bucket-unencrypted',
    tags: ['cloudformation', ...(tf.tags ?? []).filter((x) => x !== 'terraform')],
    references: { ...tf.references, urls: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html', ...(tf.references.urls ?? []).filter((u) => !u.includes('registry.terraform.io'))] },
    remediation: `${tf.remediation.split('\n\n')[0].replace(/`[a-z_]+( = [^`]*)?`/g, 'the property')}\n\nIn CloudFormation:\n\n\`\`\`yaml\n${FIX}\n\`\`\``,
    aliases: ['CKV_AWS_19'],
  },
  types: ["AWS::S3::Bucket"],
  path: ["BucketEncryption", "ServerSideEncryptionConfiguration"],
  bad: (v) => v === undefined || v === null || (Array.isArray(v) && v.length === 0),
  severity: (t, r) => (aiBuckets(t).has(r.logicalId) ? raise(tf.severity) : undefined),
  missing: (r, t) => `${r.type} ${r.logicalId}${aiBuckets(t).has(r.logicalId) ? ' (an AI resource of this template reads or writes it)' : ''} declares no BucketEncryption: only S3's default SSE-S3 applies, with no customer-managed key`,
  set: (r) => `${r.type} ${r.logicalId} has an empty ServerSideEncryptionConfiguration`,
  fix: FIX,
});
