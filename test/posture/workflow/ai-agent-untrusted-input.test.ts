import { workflowKind } from '../../../src/documents/workflow/kind.js';
import { aiAgentUntrustedInput } from '../../../src/posture/workflow/ai-agent-untrusted-input.js';
import { ruleTester } from '../../support/rule-tester.js';

/** on / permissions / job if / step `with:` lines; the agent step's `uses:` is on line 7 + lines of perms and if. */
const wf = (o: { on?: string; perms?: string; jobIf?: string; uses?: string; with: string; env?: string; key?: string }) =>
  [
    `on: ${o.on ?? 'issue_comment'}`,
    ...(o.perms ? [o.perms] : []),
    'jobs:',
    '  agent:',
    '    runs-on: ubuntu-latest',
    ...(o.jobIf ? [`    if: ${o.jobIf}`] : []),
    ...(o.env ? ['    env:', o.env] : []),
    '    steps:',
    '      - uses: actions/checkout@v4',
    `      - uses: ${o.uses ?? 'anthropics/claude-code-action@v1'}`,
    '        with:',
    `          ${o.key ?? 'anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}'}`,
    o.with,
    '',
  ].join('\n');

const writePerms = 'permissions:\n  contents: write\n  pull-requests: write';
const readPerms = 'permissions:\n  contents: read';

ruleTester(workflowKind, aiAgentUntrustedInput, {
  filename: '.github/workflows/claude.yml',
  valid: [
    // Trusted trigger.
    wf({ on: 'workflow_dispatch', perms: writePerms, with: '          claude_args: --dangerously-skip-permissions' }),
    // Maintainer gate on author_association.
    wf({ perms: writePerms, jobIf: "contains(fromJSON('[\"OWNER\",\"MEMBER\",\"COLLABORATOR\"]'), github.event.comment.author_association)", with: '          prompt: "Reply to ${{ github.event.comment.body }}"' }),
    // Read-only token and only the model key.
    wf({ perms: readPerms, with: '          prompt: "Triage ${{ github.event.issue.body }}"' }),
    // Built-in write-access gate, default allowlist, restricted tools, no outsider text in the prompt.
    wf({ perms: writePerms, with: '          claude_args: --allowedTools "Bash(gh issue comment:*),Read"' }),
    // An ordinary action on the same trigger.
    wf({ perms: writePerms, uses: 'actions/github-script@v7', with: '          script: console.log(1)' }),
  ],
  invalid: [
    {
      name: 'comment text in the prompt, write token',
      code: wf({ perms: writePerms, with: '          prompt: "Fix this: ${{ github.event.comment.body }}"' }),
      errors: [{ line: 10, severity: 'critical', message: 'github.event.comment.body' }],
    },
    {
      name: 'anyone may trigger, write token (high)',
      code: wf({ perms: 'permissions:\n  issues: write', with: "          allowed_non_write_users: '*'" }),
      errors: [{ line: 9, severity: 'high', message: "allowed_non_write_users: '*'" }],
    },
    {
      name: 'unsandboxed with an extra secret',
      code: wf({ on: 'pull_request_target', perms: readPerms, with: '          claude_args: --dangerously-skip-permissions\n        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}' }),
      errors: [{ line: 9, severity: 'critical', message: 'NPM_TOKEN' }],
    },
    {
      name: 'gemini without a built-in gate, default permissions, text through env',
      code: wf({ on: 'issues', uses: 'google-github-actions/run-gemini-cli@v0', key: 'gemini_api_key: ${{ secrets.GEMINI_API_KEY }}', env: '      TITLE: ${{ github.event.issue.title }}', with: '          prompt: "Label the issue titled $TITLE"' }),
      errors: [{ line: 9, severity: 'medium', message: 'via $TITLE' }],
    },
    {
      name: 'codex full access',
      code: wf({ on: 'issues', perms: 'permissions: write-all', uses: 'openai/codex-action@v1', with: '          sandbox: danger-full-access' }),
      errors: [{ line: 8, severity: 'critical', message: 'danger-full-access' }],
    },
  ],
});
