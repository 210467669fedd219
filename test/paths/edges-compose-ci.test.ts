/** Edge kinds from compose files (published ports) and CI workflows (OIDC roles, secrets). */
import { describe, expect, it } from 'vitest';
import { compose, edgesOf, infra, tf, workflows } from './helpers.js';

describe('edge: internet → compose service (published ports)', () => {
  it('a port published on all interfaces is an exposure; one bound to 127.0.0.1 is not', () => {
    const assets = infra({ compose: compose({ 'docker-compose.yml': 'services:\n  ray:\n    image: rayproject/ray:2.40.0\n    ports: ["8265:8265"]\n  local:\n    image: rayproject/ray:2.40.0\n    ports: ["127.0.0.1:8266:8265"]\n' }) });
    expect(assets.map((a) => [a.id, (a.properties.exposure as { via: string }[] | undefined)?.map((e) => e.via)])).toEqual([
      ['compose:docker-compose.yml#ray', ['port 8265:8265 published on all interfaces']],
    ]);
  });
});

const ROLE = `resource "aws_iam_role" "publisher" {
  name = "model-publisher"
  assume_role_policy = "{}"
}
`;
const WF = (on: string) => `name: publish
on: ${on}
permissions: {id-token: write}
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::111122223333:role/model-publisher
      - run: python publish.py
        env:
          OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}
`;

describe('edge: CI job → OIDC role, CI job → secrets', () => {
  it('joins the job to the Terraform role it assumes, and (untrusted trigger) to the secrets it holds', () => {
    const assets = infra({ workflow: workflows({ '.github/workflows/p.yml': WF('pull_request_target') }), terraform: tf({ 'iam.tf': ROLE }) });
    expect(edgesOf(assets)).toEqual([
      'ci-job:.github/workflows/p.yml#publish -assumes-> tf:aws_iam_role.publisher',
      'ci-job:.github/workflows/p.yml#publish -uses-> ci-secret:OPENAI_API_KEY',
      'ci-secret:OPENAI_API_KEY -grants-> llm-provider:openai',
    ]);
  });
  it('a trusted trigger keeps the OIDC edge and joins no secrets', () => {
    const assets = infra({ workflow: workflows({ '.github/workflows/p.yml': WF('push') }), terraform: tf({ 'iam.tf': ROLE }) });
    expect(edgesOf(assets)).toEqual(['ci-job:.github/workflows/p.yml#publish -assumes-> tf:aws_iam_role.publisher']);
  });
  it('an unknown role becomes a stub identity; an expression is not resolved', () => {
    const stub = infra({ workflow: workflows({ '.github/workflows/p.yml': WF('push') }) });
    expect(edgesOf(stub)).toEqual(['ci-job:.github/workflows/p.yml#publish -assumes-> cloud-identity:aws/model-publisher']);
    const expr = infra({ workflow: workflows({ '.github/workflows/p.yml': WF('push').replace('arn:aws:iam::111122223333:role/model-publisher', '${{ vars.ROLE }}') }) });
    expect(edgesOf(expr)).toEqual([]);
  });
});
