import { workflowKind } from '../../../src/documents/workflow/kind.js';
import { secretsInherit } from '../../../src/posture/workflow/secrets-inherit.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(workflowKind, secretsInherit, {
  filename: '.github/workflows/call.yml',
  valid: ['on: push\njobs:\n  call:\n    uses: ./.github/workflows/release.yml\n    secrets:\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n'],
  invalid: [
    { code: 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/release.yml\n    secrets: inherit\n', errors: [{ line: 5, severity: 'medium' }] },
    { code: 'on: push\njobs:\n  call:\n    uses: other/repo/.github/workflows/x.yml@0123456789abcdef0123456789abcdef01234567\n    secrets: inherit\n', errors: [{ line: 5, severity: 'high', message: 'another repository' }] },
  ],
});
