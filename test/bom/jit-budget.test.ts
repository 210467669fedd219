/** The JavaScript optimisation budget of the one-shot `aigis bom` run (issue 15: cold `aigis bom`). */
import { describe, expect, it } from 'vitest';
import { INTERRUPT_BUDGET, interruptBudgetFlag } from '../../src/cli/jit-budget.js';

describe('interruptBudgetFlag', () => {
  it('raises the budget when Node was started without a choice of its own', () => {
    expect(interruptBudgetFlag([], '')).toBe(`--interrupt-budget=${INTERRUPT_BUDGET}`);
    // The budgets of other tiers are other flags: they leave the choice to aigis.
    expect(interruptBudgetFlag(['--interrupt-budget-for-feedback-allocation=100'], '--max-old-space-size=512')).toBe(`--interrupt-budget=${INTERRUPT_BUDGET}`);
    expect(INTERRUPT_BUDGET).toBeLessThan(2 ** 31); // V8 reads it as an int
  });

  it("keeps the user's choice from the command line or NODE_OPTIONS", () => {
    expect(interruptBudgetFlag(['--interrupt-budget=1000'])).toBeUndefined();
    expect(interruptBudgetFlag([], '--enable-source-maps --interrupt_budget=1000')).toBeUndefined();
  });
});
