/** The WebAssembly tiering budget that tree-sitter's runtime is initialised with (issue 15: cold `aigis bom`). */
import { describe, expect, it } from 'vitest';
import { parseCode, WASM_TIERING_BUDGET, wasmTieringFlag } from '../../../src/discovery/code/tree-sitter.js';

describe('wasmTieringFlag', () => {
  it('raises the budget when Node was started without a choice of its own', () => {
    expect(wasmTieringFlag([], '')).toBe(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
    expect(wasmTieringFlag(['--enable-source-maps'], '--max-old-space-size=4096')).toBe(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
    expect(WASM_TIERING_BUDGET).toBeLessThan(2 ** 31); // V8 reads it as an int
  });

  it("keeps the user's choice from the command line or NODE_OPTIONS", () => {
    expect(wasmTieringFlag(['--wasm-tiering-budget=100'])).toBeUndefined();
    expect(wasmTieringFlag(['--liftoff-only'])).toBeUndefined();
    expect(wasmTieringFlag(['--no-wasm-tier-up'])).toBeUndefined();
    expect(wasmTieringFlag([], '--no-wasm-dynamic-tiering')).toBeUndefined();
    expect(wasmTieringFlag([], '--wasm_tiering_budget=5')).toBeUndefined();
  });

  it('parses after the runtime is initialised with it', async () => {
    const tree = await parseCode('python', 'import openai\nclient = openai.OpenAI()\n');
    try {
      expect(tree?.rootNode.type).toBe('module');
      expect(tree?.rootNode.hasError).toBe(false);
      expect(tree?.rootNode.namedChildren.map((n) => n?.type)).toEqual(['import_statement', 'expression_statement']);
    } finally {
      tree?.delete();
    }
  });
});
