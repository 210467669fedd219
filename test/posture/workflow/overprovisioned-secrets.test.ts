import { workflowKind } from '../../../src/documents/workflow/kind.js';
import { overprovisionedSecrets } from '../../../src/posture/workflow/overprovisioned-secrets.js';
import { ruleTester } from '../../support/rule-tester.js';

const wf = (steps: string) => `on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

ruleTester(workflowKind, overprovisionedSecrets, {
  filename: '.github/workflows/b.yml',
  valid: [wf("      - env:\n          TOKEN: ${{ secrets.NPM_TOKEN }}\n          OTHER: ${{ secrets['PYPI'] }}\n        run: ./publish\n")],
  invalid: [
    { code: wf('      - env:\n          ALL: ${{ toJSON(secrets) }}\n        run: ./deploy\n'), errors: [{ line: 7, message: 'every secret' }] },
    { code: wf('      - run: echo ${{ secrets[inputs.name] }}\n'), errors: [{ line: 6, message: 'computed name' }] },
  ],
});
