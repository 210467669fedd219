import { workflowKind } from '../../../src/documents/workflow/kind.js';
import { selfHostedRunner } from '../../../src/posture/workflow/self-hosted-runner.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(workflowKind, selfHostedRunner, {
  filename: '.github/workflows/gpu.yml',
  valid: [
    'on: push\njobs:\n  t:\n    runs-on: [self-hosted, gpu]\n    steps:\n      - run: nvidia-smi\n',
    'on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
  ],
  invalid: [
    { code: 'on: [pull_request]\njobs:\n  t:\n    runs-on: [self-hosted, gpu]\n    steps:\n      - run: make\n', errors: [{ line: 4 }] },
    { code: 'on: pull_request_target\njobs:\n  t:\n    runs-on:\n      group: gpu-pool\n    steps:\n      - run: make\n', errors: [{ line: 4, message: 'group:gpu-pool' }] },
  ],
});
