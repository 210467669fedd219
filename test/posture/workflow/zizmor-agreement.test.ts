/**
 * Agreement with zizmor's own test expectations (zizmor is not installable here). Each case is a
 * small workflow rewritten from a fixture under zizmorcore/zizmor crates/zizmor/tests/integration/
 * test-data (named in `from`), with the number of findings zizmor's snapshot expects and the number
 * aigis gives. Where the two differ by design the case says why (`divergence`), and the expectation
 * is aigis's: the table documents both and fails if either drifts.
 */
import { describe, expect, it } from 'vitest';
import { workflowKind } from '../../../src/documents/workflow/kind.js';
import { runRule } from '../../../src/posture/rule-tester.js';
import type { PostureRule } from '../../../src/posture/rule.js';
import type { WorkflowProject } from '../../../src/documents/workflow/types.js';
import { aiAgentUntrustedInput } from '../../../src/posture/workflow/ai-agent-untrusted-input.js';
import { artipacked } from '../../../src/posture/workflow/artipacked.js';
import { botConditions } from '../../../src/posture/workflow/bot-conditions.js';
import { secretsInherit } from '../../../src/posture/workflow/secrets-inherit.js';
import { templateInjection } from '../../../src/posture/workflow/template-injection.js';
import { unpinnedUses } from '../../../src/posture/workflow/unpinned-uses.js';

interface Case {
  from: string;
  rule: PostureRule<WorkflowProject>;
  yaml: string;
  zizmor: number;
  aigis: number;
  divergence?: string;
}

const steps = (on: string, body: string, perms = 'permissions: {}') => `on: ${on}\n${perms}\njobs:\n  j:\n    runs-on: ubuntu-latest\n${body}`;

const cases: Case[] = [
  {
    from: 'bot-conditions.yml',
    rule: botConditions,
    yaml: steps('pull_request_target', [
      "    if: github.actor == 'dependabot[bot]'",
      '    steps:',
      "      - run: echo 1\n        if: ${{ github.actor == 'dependabot[bot]' }}",
      "      - run: echo 2\n        if: ${{ github.actor == 'dependabot[bot]' && github.repository == 'example/example' }}",
      "      - run: echo 3\n        if: github.actor == 'renovate[bot]'",
      "      - run: echo 4\n        if: github.actor == 'notabot'",
      "      - run: echo 5\n        if: github.ACTOR == 'dependabot[bot]'",
      "      - run: echo 6\n        if: github.actor == 'mystery[bot]'",
      "      - run: echo 7\n        if: github['actor'] == 'dependabot[bot]'",
      '',
    ].join('\n')),
    zizmor: 7,
    aigis: 7,
  },
  {
    from: 'template-injection/false-positive-menagerie.yml',
    rule: templateInjection,
    yaml: steps('pull_request', '    steps:\n      - run: |\n          echo "${{ github.action_path }}" "${{ github.server_url }}" "${{ github.event.pull_request.base.sha }}"\n          echo "${{ github.event.pull_request.head.sha }}" "${{ github.job }}" "${{ github.event.pull_request.head.repo.fork }}"\n'),
    zizmor: 0,
    aigis: 0,
  },
  {
    from: 'template-injection/codeql-sinks.yml',
    rule: templateInjection,
    yaml: steps('pull_request', '    steps:\n      - uses: mikefarah/yq@b534aa9ee5d38001fba3cd8fe254a037e4847b37\n        with:\n          cmd: ${{ github.event.pull_request.title }}\n'),
    zizmor: 1,
    aigis: 1,
  },
  {
    from: 'artipacked.yml',
    rule: artipacked,
    yaml: steps('push', '    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n'),
    zizmor: 1,
    aigis: 0,
    divergence: 'issue 12 scopes the rule to persisted credentials next to an artifact upload; zizmor also reports a bare checkout (at lower confidence)',
  },
  {
    from: 'unpinned-uses as documented in docs/audits.md (default policy; no fixture read)',
    rule: unpinnedUses,
    yaml: steps('push', '    steps:\n      - uses: actions/checkout@v4\n      - uses: pypa/gh-action-pypi-publish@release/v1\n      - uses: docker://ubuntu\n'),
    zizmor: 2,
    aigis: 2,
  },
  {
    from: 'secrets-inherit example in docs/audits.md',
    rule: secretsInherit,
    yaml: 'on: push\njobs:\n  call:\n    uses: octo-org/example-repo/.github/workflows/called-workflow.yml@0123456789abcdef0123456789abcdef01234567\n    secrets: inherit\n  explicit:\n    uses: octo-org/example-repo/.github/workflows/called-workflow.yml@0123456789abcdef0123456789abcdef01234567\n    secrets:\n      forward-me: ${{ secrets.forward-me }}\n',
    zizmor: 1,
    aigis: 1,
  },
  {
    from: 'agentic-actions/attacker-controlled-prompt.yml',
    rule: aiAgentUntrustedInput,
    yaml: steps('issue_comment', '    steps:\n      - uses: anthropics/claude-code-action@a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2\n        with:\n          prompt: "Review: ${{ github.event.issue.body }}"\n', 'permissions: read-all'),
    zizmor: 1,
    aigis: 0,
    divergence: 'the token is read-only and only the model key is present: issue 12 keeps such jobs quiet (nothing beyond the model to reach)',
  },
  {
    from: 'agentic-actions/attacker-controlled-prompt.yml, with a write token',
    rule: aiAgentUntrustedInput,
    yaml: steps('issue_comment', '    steps:\n      - uses: anthropics/claude-code-action@a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2\n        with:\n          prompt: "Review: ${{ github.event.issue.body }}"\n', 'permissions:\n  contents: write'),
    zizmor: 1,
    aigis: 1,
  },
  {
    from: 'agentic-actions/safe-no-findings.yml',
    rule: aiAgentUntrustedInput,
    yaml: steps('push', '    steps:\n      - uses: anthropics/claude-code-action@a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2\n        with:\n          allowed_non_write_users: "dependabot[bot]"\n', 'permissions: read-all'),
    zizmor: 0,
    aigis: 0,
  },
];

describe('agreement with zizmor test expectations', () => {
  for (const c of cases) {
    it(`${c.rule.meta.id} on ${c.from}${c.divergence ? ' (divergence by design)' : ''}`, () => {
      const { hits, problems } = runRule(workflowKind, c.rule, { '.github/workflows/case.yml': c.yaml });
      expect(problems).toEqual([]);
      expect(hits.length).toBe(c.aigis);
      // A divergence must be explained; agreement must not claim one.
      expect(c.divergence === undefined).toBe(c.zizmor === c.aigis);
    });
  }

  it('agrees on most cases', () => {
    const agree = cases.filter((c) => c.zizmor === c.aigis).length;
    expect(agree / cases.length).toBeGreaterThanOrEqual(0.75);
  });
});
