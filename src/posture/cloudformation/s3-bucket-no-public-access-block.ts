/**
 * CloudFormation twin of tf/s3-bucket-no-public-access-block: an `AWS::S3::Bucket` whose
 * `PublicAccessBlockConfiguration` is missing or leaves one of its four flags unset or false.
 * Raised when an AI resource reads or writes the bucket.
 */
import { s3BucketNoPublicAccessBlock } from '../terraform/s3-bucket-no-public-access-block.js';
import { raise } from '../terraform/common.js';
import type { PostureHit } from '../rule.js';
import { cfnHit, intrinsic, propertyAt, twinMeta, type CfnRule } from './common.js';
import { aiBuckets } from './refs.js';

const FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];
/** Checkov checks each flag of the bucket's own configuration (a missing block fails all four). */
const PEERS: Record<string, string> = { BlockPublicAcls: 'CKV_AWS_53', BlockPublicPolicy: 'CKV_AWS_54', IgnorePublicAcls: 'CKV_AWS_55', RestrictPublicBuckets: 'CKV_AWS_56' };
const FIX = 'Properties:\n  PublicAccessBlockConfiguration:\n    BlockPublicAcls: true\n    BlockPublicPolicy: true\n    IgnorePublicAcls: true\n    RestrictPublicBuckets: true';

export const cfnS3BucketNoPublicAccessBlock: CfnRule = {
  meta: twinMeta(s3BucketNoPublicAccessBlock.meta, { id: 'cfn/s3-bucket-no-public-access-block', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-publicaccessblockconfiguration.html', fix: FIX, aliases: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'] }),
  check(t) {
    const hits: PostureHit[] = [];
    const ai = aiBuckets(t);
    for (const b of t.resources) {
      if (b.type !== 'AWS::S3::Bucket') continue;
      const severity = ai.has(b.logicalId) ? raise(s3BucketNoPublicAccessBlock.meta.severity) : undefined;
      const why = severity ? ' (an AI resource of this template reads or writes it)' : '';
      const pab = propertyAt(t, b, ['PublicAccessBlockConfiguration']);
      if (pab.present && intrinsic(pab.value)) continue;
      if (!pab.present || !pab.value || typeof pab.value !== 'object') {
        hits.push(cfnHit(t, b, b.line, 'public-access-block', `AWS::S3::Bucket ${b.logicalId}${why} has no PublicAccessBlockConfiguration: nothing stops a public ACL or bucket policy`, { severity, aliases: Object.values(PEERS) }));
        continue;
      }
      const open = FLAGS.filter((f) => {
        const v = propertyAt(t, b, ['PublicAccessBlockConfiguration', f]);
        return !(v.present && (intrinsic(v.value) || v.value === true || v.value === 'true'));
      });
      if (!open.length) continue;
      const line = b.lineOf(['PublicAccessBlockConfiguration', open[0]]);
      hits.push(cfnHit(t, b, line, 'public-access-block', `AWS::S3::Bucket ${b.logicalId}${why} has a PublicAccessBlockConfiguration that leaves ${open.join(', ')} unset or false (the default is false)`, { severity, aliases: open.map((f) => PEERS[f]) }));
    }
    return hits;
  },
};
