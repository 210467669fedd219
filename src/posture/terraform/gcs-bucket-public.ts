/** GCS bucket IAM that grants a role to allUsers or allAuthenticatedUsers. */
import type { PostureHit } from '../rule.js';
import { bucketSeverity, hitAt, REFS, refs, type TfRule } from './common.js';

const PUBLIC = new Set(['allUsers', 'allAuthenticatedUsers']);

export const gcsBucketPublic: TfRule = {
  meta: {
    id: 'tf/gcs-bucket-public',
    title: 'GCS bucket is open to allUsers or allAuthenticatedUsers',
    severity: 'high',
    category: 'exposure',
    description: 'A bucket IAM member or binding for `allUsers` (anyone) or `allAuthenticatedUsers` (any Google account) publishes the datasets and model artifacts it holds, and with a write role lets anyone poison them. Severity is raised when a Vertex AI resource of the module uses the bucket.',
    remediation: 'Grant bucket roles to named service accounts and groups only, and enforce public access prevention.\n\n```hcl\nresource "google_storage_bucket" "training" {\n  # ...\n  public_access_prevention    = "enforced"\n  uniform_bucket_level_access = true\n}\n```',
    references: refs(REFS.data, ['https://cloud.google.com/storage/docs/public-access-prevention', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket_iam']),
    tags: ['terraform', 'gcp', 'gcs'],
    aliases: ['CKV_GCP_28'],
  },
  check(mod) {
    const hits: PostureHit[] = [];
    const buckets = mod.ofType('google_storage_bucket');
    const sev = bucketSeverity('high');
    for (const r of mod.ofType('google_storage_bucket_iam_member', 'google_storage_bucket_iam_binding')) {
      const attr = r.block.attributes.member ?? r.block.attributes.members;
      const v = mod.value(attr);
      const members = Array.isArray(v) ? v : [v];
      const open = members.filter((m): m is string => typeof m === 'string' && PUBLIC.has(m));
      if (!attr || !open.length) continue;
      const refd = mod.references(r.block.attributes.bucket);
      const bucket = buckets.find((b) => refd.includes(b.address));
      hits.push(hitAt(r, attr.line, 'members', `${r.address} grants ${String(mod.value(r.block.attributes.role))} on ${bucket?.address ?? 'its bucket'} to ${open.join(' and ')}`, { evidence: `member = "${open[0]}"`, severity: bucket ? sev(bucket, mod) : undefined, assetId: bucket?.assetId ?? r.assetId }));
    }
    return hits;
  },
};
