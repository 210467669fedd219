/**
 * The catalogue of AI agent actions (data/ai-actions.json): which inputs carry the prompt, the model
 * key, allowlists that admit outsiders, and values that switch the agent's sandbox or approvals off.
 */
import { createRequire } from 'node:module';

export interface AiAction {
  match: string;
  agent: string;
  provider?: string;
  /** `builtin`: the action refuses actors without write access unless an allowlist opens it. */
  gate: 'builtin' | 'none';
  prompt: string[];
  keys: string[];
  /** Input name -> the value that admits anyone. */
  allowlists: Record<string, string>;
  /** Input name -> pattern (case-insensitive) whose match means tools run without approval or sandbox. */
  unsandboxed: Record<string, string>;
}

const require = createRequire(import.meta.url);
export const AI_ACTIONS: readonly AiAction[] = (require('../../data/ai-actions.json') as { actions: AiAction[] }).actions;

const PATTERNS = new Map(AI_ACTIONS.map((a) => [a, Object.entries(a.unsandboxed).map(([input, re]) => [input, new RegExp(re, 'i')] as const)]));

/** The catalogue entry for a `uses:` action path (lower-cased, without `@ref`). */
export function aiActionFor(name: string): AiAction | undefined {
  return AI_ACTIONS.find((a) => name === a.match || name.startsWith(`${a.match}/`));
}

export function unsandboxedInputs(a: AiAction, inputs: Record<string, string>): { input: string; match: string }[] {
  const out: { input: string; match: string }[] = [];
  for (const [input, re] of PATTERNS.get(a) ?? []) {
    const v = inputs[input];
    const m = v !== undefined ? re.exec(v) : null;
    if (m) out.push({ input, match: m[0] });
  }
  return out;
}
