/**
 * Fuzzing of the runtime inputs (issue 9): CloudTrail / Kubernetes audit / Falco records and Sigma rules,
 * mutated deterministically (fixed seed) from the committed seed corpus in test/fixtures/runtime/fuzz.
 * Each family runs in a worker thread with a heap limit: an exception fails the test (a crash), the
 * time limit fails it (a hang), and the heap limit fails it (a memory blow-up). Needs `npm run build`.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, '../fixtures/runtime/fuzz');
const seeds = { events: ['cloudtrail.json', 'k8s-audit.jsonl', 'falco.jsonl'].map((f) => join(dir, f)), rule: join(dir, 'sigma-rule.yml') };
/** A case-count budget, not a timing: the limit only catches a hang. */
const HANG_MS = 50_000;

function fuzz(family: 'records' | 'rules', count: number, seed: number): Promise<{ ok: boolean; alerts: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(join(__dirname, 'fuzz-worker.mjs'), { workerData: { family, seeds, count, seed }, resourceLimits: { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 64 } });
    const timer = setTimeout(() => {
      void w.terminate();
      reject(new Error(`fuzz ${family}: no answer within ${HANG_MS} ms (hang)`));
    }, HANG_MS);
    w.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as { ok: boolean; alerts: number });
    });
    w.once('error', (err) => {
      clearTimeout(timer);
      reject(err); // an exception, or ERR_WORKER_OUT_OF_MEMORY
    });
  });
}

describe('runtime fuzzing (fixed seed, committed corpus)', () => {
  it('CloudTrail, Kubernetes audit and Falco records: 400 mutated inputs, no crash, hang or blow-up', async () => {
    const r = await fuzz('records', 400, 0x5eed1);
    expect(r.ok).toBe(true);
    expect(r.alerts).toBeGreaterThan(0); // the mutator leaves enough intact records for rules to fire
  }, 60_000);
  it('Sigma rules: 250 mutated rule files, loaded and run, no crash, hang or blow-up', async () => {
    const r = await fuzz('rules', 250, 0x5eed2);
    expect(r.ok).toBe(true);
    expect(r.alerts).toBeGreaterThan(0);
  }, 60_000);
});
