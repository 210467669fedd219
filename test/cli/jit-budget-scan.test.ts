/**
 * `aigis scan` is a one-shot run like `aigis bom`: both of its command-line paths (the start-up fast
 * path and commander) raise V8's optimisation budget before the analyzers load (src/cli/jit-budget.ts;
 * issue 15: 1,000 small pickles took 27% less CPU, a 5,000-file tree the same).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/cli/jit-budget.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/cli/jit-budget.js')>()),
  useOneShotJitBudget: () => {
    calls.n++;
  },
}));

const { runScanFast } = await import('../../src/cli/fast-scan.js');
const { buildProgram } = await import('../../src/cli/program.js');

const dir = mkdtempSync(path.join(tmpdir(), 'aigis-jit-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  calls.n = 0;
});

describe('scan raises the one-shot JIT budget', () => {
  it('on the fast path', async () => {
    const out = path.join(dir, 'fast.json');
    const code = await runScanFast(['node', 'aigis', 'scan', dir, '-q', '--format', 'json', '-o', out]);
    expect(code).toBe(0);
    expect(calls.n).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).findings).toEqual([]);
  });

  it('on the commander path', async () => {
    const out = path.join(dir, 'commander.json');
    const argv = ['node', 'aigis', 'scan', dir, '-q', '--format', 'json', '-o', out];
    await (await buildProgram(argv)).parseAsync(argv);
    expect(calls.n).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).findings).toEqual([]);
  });

  it('a line the fast path leaves to commander does not raise it there', async () => {
    expect(await runScanFast(['node', 'aigis', 'scan', '--help'])).toBeUndefined();
    expect(calls.n).toBe(0);
  });
});
