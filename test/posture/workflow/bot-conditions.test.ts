import { workflowKind } from '../../../src/documents/workflow/kind.js';
import { botConditions } from '../../../src/posture/workflow/bot-conditions.js';
import { ruleTester } from '../../support/rule-tester.js';

const wf = (trigger: string, cond: string) => `on: ${trigger}\njobs:\n  merge:\n    if: ${cond}\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh pr merge --auto\n`;

ruleTester(workflowKind, botConditions, {
  filename: '.github/workflows/auto.yml',
  valid: [
    wf('pull_request_target', "github.event.pull_request.user.login == 'dependabot[bot]'"),
    wf('push', "github.actor == 'dependabot[bot]'"),
  ],
  invalid: [
    { code: wf('pull_request_target', "github.actor == 'dependabot[bot]'"), errors: [{ line: 4, severity: 'high' }] },
    { code: wf('pull_request', "${{ 'renovate[bot]' == github.triggering_actor }}"), errors: [{ line: 4, severity: 'medium' }] },
  ],
});
