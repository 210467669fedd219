/**
 * CloudFormation twin of tf/s3-bucket-public: `AccessControl: PublicRead | PublicReadWrite |
 * AuthenticatedRead` on an `AWS::S3::Bucket`, or an `AWS::S3::BucketPolicy` that allows
 * `Principal: "*"` without a condition. Raised when an AI resource reads or writes the bucket.
 */
import { cfnAssetId } from '../../documents/cloudformation/index.js';
import { s3BucketPublic } from '../terraform/s3-bucket-public.js';
import { raise } from '../terraform/common.js';
import type { PostureHit } from '../rule.js';
import { cfnHit, twinMeta, type CfnRule } from './common.js';
import { cfnStatements } from './policy.js';
import { aiBuckets, referencesIn } from './refs.js';

const PUBLIC_ACLS = new Set(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead']);
const FIX = 'Properties:\n  OwnershipControls:\n    Rules:\n      - ObjectOwnership: BucketOwnerEnforced\n  PublicAccessBlockConfiguration:\n    BlockPublicAcls: true\n    BlockPublicPolicy: true\n    IgnorePublicAcls: true\n    RestrictPublicBuckets: true';

export const cfnS3BucketPublic: CfnRule = {
  meta: twinMeta(s3BucketPublic.meta, { id: 'cfn/s3-bucket-public', url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucketpolicy.html', fix: FIX, aliases: ['CKV_AWS_20', 'CKV_AWS_57'] }),
  check(t) {
    const hits: PostureHit[] = [];
    const ai = aiBuckets(t);
    const sev = (id: string) => (ai.has(id) ? raise(s3BucketPublic.meta.severity) : undefined);
    const why = (id: string) => (ai.has(id) ? ' (an AI resource of this template reads or writes it)' : '');
    const byId = new Map(t.resources.map((r) => [r.logicalId, r]));
    for (const b of t.resources) {
      if (b.type !== 'AWS::S3::Bucket') continue;
      const acl = b.properties.AccessControl;
      if (typeof acl === 'string' && PUBLIC_ACLS.has(acl)) hits.push(cfnHit(t, b, b.lineOf(['AccessControl']), 'acl', `AWS::S3::Bucket ${b.logicalId}${why(b.logicalId)} has the canned ACL ${acl}`, { evidence: `AccessControl: ${acl}`, severity: sev(b.logicalId), aliases: acl === 'PublicReadWrite' ? ['CKV_AWS_20', 'CKV_AWS_57'] : ['CKV_AWS_20'] }));
    }
    for (const p of t.resources) {
      if (p.type !== 'AWS::S3::BucketPolicy') continue;
      const targets = referencesIn(p.properties.Bucket).filter((id) => byId.get(id)?.type === 'AWS::S3::Bucket');
      for (const s of cfnStatements(p)) {
        if (s.effect !== 'Allow' || !s.principalStar || s.hasCondition) continue;
        const actions = s.actions.join(', ') || 'actions';
        // A policy whose bucket is not declared here names no asset of the inventory.
        if (!targets.length) hits.push(cfnHit(t, p, s.line, `policy:${s.where}`, `Bucket policy ${p.logicalId} allows ${actions} to Principal "*" without a condition`, { evidence: 'Principal: "*"', aliases: [], assetId: undefined }));
        for (const id of targets) hits.push(cfnHit(t, p, s.line, `policy:${s.where}:${id}`, `S3 bucket ${id}${why(id)}: policy ${p.logicalId} allows ${actions} to Principal "*" without a condition`, { evidence: 'Principal: "*"', severity: sev(id), assetId: cfnAssetId(t, id), aliases: [] }));
      }
    }
    return hits;
  },
};
