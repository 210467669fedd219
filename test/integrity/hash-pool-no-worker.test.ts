/**
 * A worker thread that cannot start or dies (a container's thread limit, memory) must not lose files:
 * the calling thread hashes whatever the workers did not report. node:worker_threads is replaced by
 * a Worker that fails in one of the two ways Node reports it.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashFiles } from '../../src/integrity/hash-pool.js';

const failure = vi.hoisted(() => ({ mode: 'error' as 'error' | 'throw', created: 0 }));

vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  const { EventEmitter } = await import('node:events');
  class FailingWorker extends EventEmitter {
    constructor() {
      super();
      failure.created++;
      if (failure.mode === 'throw') throw new Error('ERR_WORKER_INIT_FAILED (test)');
      setImmediate(() => {
        this.emit('error', new Error('worker died (test)'));
        this.emit('exit', 1);
      });
    }
    terminate(): Promise<number> {
      return Promise.resolve(1);
    }
  }
  return { ...real, Worker: FailingWorker };
});

const tmp = mkdtempSync(join(tmpdir(), 'aigis-hash-no-worker-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const jobs = Array.from({ length: 9 }, (_, i) => {
  const abs = join(tmp, `f${i}`);
  writeFileSync(abs, Buffer.alloc(i * 70_000 + 3, i));
  return { abs, size: i * 70_000 + 3 };
});
const want = jobs.map((j) => ({ sha256: createHash('sha256').update(readFileSync(j.abs)).digest('hex'), size: j.size }));

describe('hashing when worker threads fail', () => {
  beforeEach(() => {
    failure.created = 0;
  });

  it('a worker that dies before reporting: every file is still hashed, on the calling thread', async () => {
    failure.mode = 'error';
    const progress = { bytes: 0, files: 0 };
    const res = await hashFiles(jobs, { concurrency: 3, minWorkPerThread: 0, onProgress: (b, f) => ((progress.bytes += b), (progress.files = f)) });
    expect(failure.created).toBe(2);
    expect(res).toEqual(want);
    expect(progress.files).toBe(jobs.length);
  });

  it('a worker that cannot be created: the calling thread hashes everything', async () => {
    failure.mode = 'throw';
    expect(await hashFiles(jobs, { concurrency: 4, minWorkPerThread: 0 })).toEqual(want);
    expect(failure.created).toBe(1);
  });
});
