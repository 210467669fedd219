/**
 * How soon V8 optimises JavaScript for a one-shot CLI run. V8 recompiles a function with TurboFan,
 * on a background thread, once it has run its interrupt budget of bytecode (66 KB by default). A run
 * of `aigis bom` over a small tree makes hundreds of functions (YAML, tree-sitter glue, discovery)
 * warm enough for that, and compiling them costs more than the optimised code saves before the
 * process exits: on examples/ai-lab, 11% of all instructions (valgrind: 2.84 → 2.52 billion with an
 * eight times larger budget). Functions that stay hot over a long run are still optimised, a little
 * later (`aigis bom` of Python's standard library took no more CPU). `aigis scan` uses it too: 1,000
 * small pickles took 27% less CPU (1.08 → 0.79 s), picklescan's corpus 19% less, a 5,000-file tree of
 * installed Python packages the same (9.8 s); a budget 32 times the default made that tree 7% slower.
 */
import { setFlagsFromString } from 'node:v8';

export const INTERRUPT_BUDGET = 8 * 67_584;

/** The V8 flag to set, or undefined when Node was started with its own `--interrupt-budget`. */
export function interruptBudgetFlag(execArgv: readonly string[], nodeOptions = ''): string | undefined {
  const chosen = /--interrupt[-_]budget\b(?![-_])/;
  if (execArgv.some((a) => chosen.test(a)) || chosen.test(nodeOptions)) return undefined;
  return `--interrupt-budget=${INTERRUPT_BUDGET}`;
}

/** For the CLI's own short runs only (not a long-lived process such as `aigis serve` or the MCP server). */
export function useOneShotJitBudget(): void {
  const flag = interruptBudgetFlag(process.execArgv, process.env.NODE_OPTIONS);
  if (flag) setFlagsFromString(flag);
}
