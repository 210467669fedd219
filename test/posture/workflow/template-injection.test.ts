import { workflowKind } from '../../../src/documents/workflow/kind.js';
import { templateInjection } from '../../../src/posture/workflow/template-injection.js';
import { ruleTester } from '../../support/rule-tester.js';

const wf = (trigger: string, steps: string) => `on: ${trigger}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

ruleTester(workflowKind, templateInjection, {
  filename: '.github/workflows/ci.yml',
  valid: [
    // The fix: through env, quoted.
    wf('issues', '      - env:\n          TITLE: ${{ github.event.issue.title }}\n        run: echo "$TITLE"\n'),
    // Trusted contexts.
    wf('pull_request_target', '      - run: echo ${{ github.event.pull_request.number }} ${{ github.sha }}\n'),
    // Attacker text in a `with:` of an ordinary action is data, not code.
    wf('issues', '      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea\n        with:\n          script: console.log(context.payload.issue.title)\n'),
    // A composite action that never expands outside text.
    { files: { 'action.yml': 'runs:\n  using: composite\n  steps:\n    - run: echo ${{ inputs.name }}\n      shell: bash\n' } },
  ],
  invalid: [
    { code: wf('issues', '      - run: |\n          echo hello\n          echo "${{ github.event.issue.title }}"\n'), errors: [{ line: 8, severity: 'high', message: 'github.event.issue.title' }] },
    { code: wf('pull_request', '      - run: git checkout ${{ github.head_ref }}\n'), errors: [{ line: 6, severity: 'medium' }] },
    { code: wf('[issue_comment]', '      - uses: actions/github-script@v7\n        with:\n          script: |\n            const b = "${{ github.event.comment.body }}"\n'), errors: [{ line: 9, message: 'github-script' }] },
    { name: 'through a tainted env entry', code: wf('pull_request_target', '      - env:\n          REF: ${{ github.event.pull_request.head.ref }}\n        run: echo ${{ env.REF }}\n'), errors: [{ line: 8, message: 'via env.REF' }] },
    { name: 'commits array and bracket syntax', code: wf('push', "      - run: echo ${{ github.event.commits[0].message }} ${{ github.event['head_commit']['message'] }}\n"), errors: [{ line: 6 }, { line: 6 }] },
    {
      name: 'the same step in two workflows reports in both',
      files: { '.github/workflows/a.yml': wf('issues', '      - run: echo ${{ github.event.issue.title }}\n'), '.github/workflows/b.yml': wf('issues', '      - run: echo ${{ github.event.issue.title }}\n') },
      errors: [{ path: '.github/workflows/a.yml', line: 6 }, { path: '.github/workflows/b.yml', line: 6 }],
    },
    { name: 'serialised event', code: wf('issues', '      - run: echo \'${{ toJSON(github.event.issue) }}\' | jq\n'), errors: [{ line: 6, message: 'serialised' }] },
  ],
});
