/**
 * Deterministic results (issue 10.3): the same scan gives the same report alone and while other
 * processes saturate every core. Budgets that decide what is analysed count work, not time, so the
 * loaded run may be slower but must not report less (or more). The example holds a joblib file, the
 * case that used to come out "partly analysed" under load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workBudget } from '../../src/core/analyzer.js';

const root = path.resolve(__dirname, '../..');
// `npm test` builds dist/ before vitest runs (see package.json).
const cli = path.join(root, 'dist/cli/main.js');

function scan(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'scan', 'examples/ai-lab', '-f', 'json'], { cwd: root });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

/** The report without the fields that are about the run rather than the input. */
function stable(json: string): unknown {
  const r = JSON.parse(json) as Record<string, unknown> & { stats: Record<string, unknown>; summary: Record<string, unknown> };
  delete r.createdAt;
  delete r.stats.durationMs;
  delete r.summary.durationMs;
  return r;
}

const burners: ChildProcess[] = [];
afterAll(() => {
  for (const b of burners) b.kill('SIGKILL');
});

describe('determinism under load', () => {
  it('scans examples/ai-lab to the same report with every core busy', async () => {
    const alone = stable(await scan());
    for (let i = 0; i < Math.max(2, availableParallelism()); i++) {
      burners.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    }
    const loaded = stable(await scan());
    for (const b of burners.splice(0)) b.kill('SIGKILL');
    expect((alone as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
    expect(loaded).toEqual(alone);
  }, 180_000);
});

describe('workBudget', () => {
  it('stops after exactly the same amount of work whatever the clock says', () => {
    const far = { deadline: Date.now() + 3_600_000 };
    const stop = workBudget(far, 10_000);
    let units = 0;
    while (!stop()) units++;
    expect(units).toBe(10_000);
    expect(stop.reason).toBe('work');
    const batched = workBudget(far, 10_000);
    let batches = 0;
    while (!batched(4096)) batches++;
    expect(batches).toBe(2);
  });

  it('says "time" only when the last-resort guard has passed', () => {
    const stop = workBudget({ deadline: Date.now() - 1 }, 1 << 30);
    let units = 0;
    while (!stop()) units++;
    expect(units).toBeLessThanOrEqual(1024);
    expect(stop.reason).toBe('time');
  });
});
