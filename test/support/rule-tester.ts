/**
 * vitest front-end of the posture RuleTester: one `it` per case, failing with the case's problems.
 *
 *   ruleTester(terraformKind, sagemakerNotebookDirectInternet, { filename: 'main.tf', valid: [...], invalid: [...] });
 */
import { describe, expect, it } from 'vitest';
import type { DocumentKind, PostureRule } from '../../src/posture/rule.js';
import { runRuleCases, type RuleCases } from '../../src/posture/rule-tester.js';

export function ruleTester<D, P>(kind: DocumentKind<D, P>, rule: PostureRule<P>, cases: RuleCases): void {
  describe(rule.meta.id, () => {
    for (const result of runRuleCases(kind, rule, cases)) {
      it(result.name, () => {
        expect(result.problems).toEqual([]);
      });
    }
  });
}
