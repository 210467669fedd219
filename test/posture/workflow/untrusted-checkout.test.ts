import { workflowKind } from '../../../src/documents/workflow/kind.js';
import { untrustedCheckout } from '../../../src/posture/workflow/untrusted-checkout.js';
import { ruleTester } from '../../support/rule-tester.js';

const wf = (trigger: string, steps: string, jobIf = '') => `on: ${trigger}\njobs:\n  build:\n    runs-on: ubuntu-latest\n${jobIf}    steps:\n${steps}`;
const headCheckout = '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n';

ruleTester(workflowKind, untrustedCheckout, {
  filename: '.github/workflows/pr.yml',
  valid: [
    // Ordinary pull_request: fork code runs without secrets.
    wf('pull_request', `${headCheckout}      - run: npm test\n`),
    // pull_request_target checking out the base (default ref) and building it.
    wf('pull_request_target', '      - uses: actions/checkout@v4\n      - run: npm ci && npm test\n'),
    // Head checkout but nothing executes it (labeler-style job).
    wf('pull_request_target', `${headCheckout}      - uses: actions/labeler@v5\n`),
    // gh pr checkout alone in its step (or followed only by an echo), and nothing after it runs the tree.
    wf('pull_request_target', '      - run: gh pr checkout ${{ github.event.number }}\n      - uses: actions/labeler@v5\n'),
    wf('pull_request_target', '      - run: |\n          gh pr checkout ${{ github.event.number }} || true\n          echo checked out # then nothing\n'),
  ],
  invalid: [
    { code: wf('pull_request_target', `${headCheckout}      - run: npm ci && npm test\n`), errors: [{ line: 8, severity: 'critical' }] },
    { name: 'merge ref and a local action', code: wf('pull_request_target', '      - uses: actions/checkout@v4\n        with:\n          ref: refs/pull/${{ github.event.number }}/merge\n      - uses: ./.github/actions/build\n'), errors: [{ line: 8 }] },
    { name: 'issue_comment with gh pr checkout', code: wf('issue_comment', '      - uses: actions/checkout@v4\n      - run: gh pr checkout ${{ github.event.issue.number }}\n      - run: make\n'), errors: [{ line: 7, message: 'issue_comment' }] },
    { name: 'gh pr checkout and make in one step', code: wf('pull_request_target', '      - run: gh pr checkout ${{ github.event.pull_request.number }} && make\n'), errors: [{ line: 6, severity: 'critical' }] },
    { name: 'git fetch of the head ref, then the build on the next line', code: wf('issue_comment', '      - uses: actions/checkout@v4\n      - run: |\n          git fetch origin pull/${{ github.event.issue.number }}/head:pr && git checkout pr\n          npm ci\n'), errors: [{ line: 7 }] },
    { name: 'maintainer gate lowers severity', code: wf('[pull_request_target]', `${headCheckout}      - run: make\n`, "    if: github.event.pull_request.author_association == 'OWNER'\n"), errors: [{ line: 9, severity: 'high' }] },
  ],
});
