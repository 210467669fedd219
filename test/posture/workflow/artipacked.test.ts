import { workflowKind } from '../../../src/documents/workflow/kind.js';
import { artipacked } from '../../../src/posture/workflow/artipacked.js';
import { ruleTester } from '../../support/rule-tester.js';

const wf = (steps: string) => `on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
const upload = (p: string) => `      - uses: actions/upload-artifact@v4\n        with:\n          path: ${p}\n`;

ruleTester(workflowKind, artipacked, {
  filename: '.github/workflows/b.yml',
  valid: [
    wf(`      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n${upload('.')}`),
    wf('      - uses: actions/checkout@v4\n      - run: make\n'),
  ],
  invalid: [
    { code: wf(`      - uses: actions/checkout@v4\n${upload('.')}`), errors: [{ line: 6, severity: 'high', message: 'workspace root' }] },
    { code: wf(`      - uses: actions/checkout@v4\n${upload('dist/')}`), errors: [{ line: 6, severity: 'medium' }] },
  ],
});
