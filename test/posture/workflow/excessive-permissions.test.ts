import { workflowKind } from '../../../src/documents/workflow/kind.js';
import { excessivePermissions } from '../../../src/posture/workflow/excessive-permissions.js';
import { ruleTester } from '../../support/rule-tester.js';

const job = '  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n';

ruleTester(workflowKind, excessivePermissions, {
  filename: '.github/workflows/ci.yml',
  valid: [
    `on: push\njobs:\n${job}`,
    `on: issue_comment\npermissions:\n  contents: read\njobs:\n${job}`,
    `on: pull_request_target\njobs:\n  t:\n    runs-on: ubuntu-latest\n    permissions: {}\n    steps:\n      - run: echo hi\n`,
  ],
  invalid: [
    { code: `on: issues\njobs:\n${job}`, errors: [{ line: 1, severity: 'medium', message: "'t'" }] },
    { code: `on: push\npermissions: write-all\njobs:\n${job}`, errors: [{ line: 2, severity: 'medium' }] },
    { code: `on:\n  pull_request_target:\njobs:\n  t:\n    runs-on: ubuntu-latest\n    permissions: write-all\n    steps:\n      - run: echo\n`, errors: [{ line: 6, severity: 'high' }] },
  ],
});
