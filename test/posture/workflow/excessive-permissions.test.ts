import { describe, expect, it } from 'vitest';
import { jobAssetId } from '../../../src/posture/workflow/shared.js';
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

describe('workflow-level hits name an inventory asset', () => {
  it('the job that gets the token', () => {
    const hitsOf = (text: string) => {
      const path = '.github/workflows/ci.yml';
      const docs = [{ path, document: workflowKind.parse({ path, text }).document! }];
      return [...workflowKind.project(docs)].flatMap((p) => excessivePermissions.check(p));
    };
    expect(hitsOf(`on: issues\njobs:\n${job}`).map((h) => h.assetId)).toEqual([jobAssetId('.github/workflows/ci.yml', 't')]);
    expect(hitsOf(`on: push\npermissions: write-all\njobs:\n${job}`).map((h) => h.assetId)).toEqual([jobAssetId('.github/workflows/ci.yml', 't')]);
  });
});
