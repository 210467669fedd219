/** Edge kind: Terraform references between compute, identities, policies and stores. */
import { describe, expect, it } from 'vitest';
import { edgesOf, infra, tf } from './helpers.js';

const BUCKET = `resource "aws_s3_bucket" "training" {
  bucket = "acme-training-data"
}
`;
const ROLE = `resource "aws_iam_role" "nb" {
  name = "nb"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}
`;
const NOTEBOOK = `resource "aws_sagemaker_notebook_instance" "nb" {
  name          = "nb"
  role_arn      = aws_iam_role.nb.arn
  instance_type = "ml.t3.medium"
}
`;
const INLINE = `resource "aws_iam_role_policy" "reads" {
  role = aws_iam_role.nb.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = ["\${aws_s3_bucket.training.arn}/*"] }] })
}
`;

describe('edge: Terraform notebook → role → policy → bucket', () => {
  it('joins the notebook to its role and the role to the bucket its inline policy names', () => {
    const assets = infra({ terraform: tf({ 'main.tf': BUCKET + ROLE + NOTEBOOK + INLINE }) });
    expect(edgesOf(assets)).toEqual([
      'tf:aws_iam_role.nb -grants-> tf:aws_s3_bucket.training',
      'tf:aws_sagemaker_notebook_instance.nb -assumes-> tf:aws_iam_role.nb',
    ]);
    expect(assets.find((a) => a.id === 'tf:aws_s3_bucket.training')).toMatchObject({ kind: 'cloud-resource', properties: { resourceType: 'aws_s3_bucket', resourceName: 'acme-training-data' } });
  });
  it('without the policy the role reaches nothing', () => {
    expect(edgesOf(infra({ terraform: tf({ 'main.tf': BUCKET + ROLE + NOTEBOOK }) }))).toEqual(['tf:aws_sagemaker_notebook_instance.nb -assumes-> tf:aws_iam_role.nb']);
  });
  it('a managed policy attached to the role reaches the bucket through the policy', () => {
    const managed = `resource "aws_iam_policy" "p" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = aws_s3_bucket.training.arn }] })
}
resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.nb.name
  policy_arn = aws_iam_policy.p.arn
}
`;
    expect(edgesOf(infra({ terraform: tf({ 'main.tf': BUCKET + ROLE + managed }) }))).toEqual([
      'tf:aws_iam_policy.p -grants-> tf:aws_s3_bucket.training',
      'tf:aws_iam_role.nb -grants-> tf:aws_iam_policy.p',
    ]);
  });
  it('bedrock:InvokeModel opens the Bedrock account; `Resource: "*"` with object actions reaches every bucket', () => {
    const wide = `resource "aws_iam_role_policy" "wide" {
  role = aws_iam_role.nb.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["bedrock:InvokeModel", "s3:GetObject"], Resource = "*" }] })
}
`;
    expect(edgesOf(infra({ terraform: tf({ 'main.tf': BUCKET + ROLE + wide }) }))).toEqual([
      'tf:aws_iam_role.nb -grants-> llm-provider:bedrock',
      'tf:aws_iam_role.nb -grants-> tf:aws_s3_bucket.training',
    ]);
  });
  it('resources in another module are not joined (references are per module)', () => {
    expect(edgesOf(infra({ terraform: tf({ 'a/main.tf': BUCKET, 'b/main.tf': ROLE + NOTEBOOK }) }))).toEqual(['tf:b/aws_sagemaker_notebook_instance.nb -assumes-> tf:b/aws_iam_role.nb']);
  });
});

describe('edge: GKE workload identity and project roles, AWS managed policies', () => {
  const GSA = `resource "google_service_account" "trainer" {
  account_id = "trainer"
}
resource "google_storage_bucket" "data" {
  name = "acme-training-data"
  location = "EU"
}
`;
  it('a bucket IAM member joins the Google service account to the bucket', () => {
    const member = `resource "google_storage_bucket_iam_member" "m" {
  bucket = google_storage_bucket.data.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:\${google_service_account.trainer.email}"
}
`;
    expect(edgesOf(infra({ terraform: tf({ 'gcp.tf': GSA + member }) }))).toEqual(['tf:google_service_account.trainer -grants-> tf:google_storage_bucket.data']);
  });
  it('a project-wide storage role reaches every bucket; an AI Platform role opens Vertex AI; a logging role nothing', () => {
    const project = (role: string) => `resource "google_project_iam_member" "m" {
  project = "p"
  role    = "${role}"
  member  = "serviceAccount:\${google_service_account.trainer.email}"
}
`;
    expect(edgesOf(infra({ terraform: tf({ 'gcp.tf': GSA + project('roles/storage.objectViewer') }) }))).toEqual(['tf:google_service_account.trainer -grants-> tf:google_storage_bucket.data']);
    expect(edgesOf(infra({ terraform: tf({ 'gcp.tf': GSA + project('roles/aiplatform.user') }) }))).toEqual(['tf:google_service_account.trainer -grants-> llm-provider:vertexai']);
    expect(edgesOf(infra({ terraform: tf({ 'gcp.tf': GSA + project('roles/logging.logWriter') }) }))).toEqual([]);
  });
  it('AmazonS3ReadOnlyAccess reaches every bucket of the module', () => {
    const attach = `resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.nb.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}
`;
    expect(edgesOf(infra({ terraform: tf({ 'main.tf': BUCKET + ROLE + attach }) }))).toEqual(['tf:aws_iam_role.nb -grants-> tf:aws_s3_bucket.training']);
  });
});

describe('hostile Terraform', () => {
  it('many wildcard policies over many buckets stay bounded (capped relations per resource)', () => {
    const parts = [ROLE];
    for (let i = 0; i < 1200; i++) parts.push(`resource "aws_s3_bucket" "b${i}" {\n  bucket = "b${i}"\n}\n`);
    for (let i = 0; i < 50; i++) parts.push(`resource "aws_iam_role_policy" "p${i}" {\n  role = aws_iam_role.nb.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })\n}\n`);
    const assets = infra({ terraform: tf({ 'main.tf': parts.join('') }) });
    expect(assets.find((a) => a.id === 'tf:aws_iam_role.nb')?.relations).toHaveLength(1000);
  });
});
