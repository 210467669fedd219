import { workflowKind } from '../../../src/documents/workflow/kind.js';
import { unpinnedUses } from '../../../src/posture/workflow/unpinned-uses.js';
import { ruleTester } from '../../support/rule-tester.js';

const wf = (steps: string) => `on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

ruleTester(workflowKind, unpinnedUses, {
  filename: '.github/workflows/b.yml',
  valid: [
    wf('      - uses: actions/checkout@v4\n      - uses: github/codeql-action/init@v3\n      - uses: ./.github/actions/local\n'),
    wf('      - uses: tj-actions/changed-files@2f7c5bfce28377bc069a65ba478de0a74aa0ca32 # v46\n      - uses: docker://alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000\n'),
    { files: { 'sub/action.yml': 'runs:\n  using: composite\n  steps:\n    - uses: actions/setup-node@v4\n' } },
  ],
  invalid: [
    { code: wf('      - uses: tj-actions/changed-files@v45\n      - uses: docker://alpine:3\n'), errors: [{ line: 6, message: "mutable ref 'v45'" }, { line: 7, message: 'digest' }] },
    { name: 'reusable workflow call', code: 'on: push\njobs:\n  call:\n    uses: org/shared/.github/workflows/release.yml@main\n', errors: [{ line: 4, message: 'reusable workflow' }] },
    { name: 'composite action', files: { 'action.yaml': 'runs:\n  using: composite\n  steps:\n    - uses: some/thing@v1\n' }, errors: [{ line: 4, path: 'action.yaml' }] },
  ],
});
