import { describe, expect, it } from 'vitest';
import { workflowAnalyzer as ghActionsAnalyzer } from '../../../src/posture/workflow/index.js';
import { analyze, sightings } from '../helpers.js';

const wf = [
  'name: claude',
  'on:',
  '  issue_comment:',
  '    types: [created]',
  '  pull_request_review_comment:',
  'permissions:',
  '  contents: write',
  'jobs:',
  '  claude:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - uses: anthropics/claude-code-action@v1',
  '        with:',
  '          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}',
  '          model: claude-sonnet-4-20250514',
].join('\n');

describe('GitHub Actions AI agents', () => {
  it('finds the agent, its triggers, permissions, pinning, provider and model', async () => {
    const { assets } = await analyze(ghActionsAnalyzer, '.github/workflows/claude.yml', wf);
    expect(sightings(assets)).toEqual(expect.arrayContaining(['agent:claude-code:.github/workflows/claude.yml#claude@13', 'llm-provider:anthropic@13', 'model:anthropic/claude-sonnet-4-20250514@16']));
    expect(assets.find((a) => a.kind === 'agent')!.properties).toMatchObject({ triggers: ['issue_comment', 'pull_request_review_comment'], permissions: { contents: 'write' }, pinnedToCommit: false, ref: 'v1' });
  });

  it('ignores workflows without AI actions', async () => {
    const { assets } = await analyze(ghActionsAnalyzer, '.github/workflows/ci.yml', 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4\n');
    // The job stays an asset for the gha findings and the attack paths, but a graph node only (not inventory).
    expect(assets.map((a) => [a.id, a.properties.callsAi, a.confidence])).toEqual([['ci-job:.github/workflows/ci.yml#t', false, 0]]);
  });

  it('inventories a CI job that calls an AI service, with the names (never values) of its AI secrets', async () => {
    const job = 'on: push\njobs:\n  evals:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python evals.py\n        env:\n          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n          PYPI: ${{ secrets.PYPI_TOKEN }}\n';
    const { assets } = await analyze(ghActionsAnalyzer, '.github/workflows/evals.yml', job);
    const ci = assets.find((a) => a.id === 'ci-job:.github/workflows/evals.yml#evals')!;
    expect(ci.confidence).toBe(0.9);
    expect(ci.properties).toMatchObject({ aiSecrets: ['OPENAI_API_KEY'], secrets: ['OPENAI_API_KEY', 'PYPI_TOKEN'], permissions: 'default' });
    expect(ci.relations).toEqual([{ type: 'uses', target: 'llm-provider:openai' }]);
    expect(JSON.stringify(assets)).not.toContain('${{');
  });
});
