/**
 * `aigis detect` on two or more cores: a second thread reads, splits and screens the input files
 * (screen-worker.ts) while this thread parses the records that may match and runs the rules. Most of a
 * CloudTrail stream is screened out, so the two halves of the work are of similar size and the run takes
 * about half the time on an idle two-core machine. Events reach the engine in the same order and with
 * the same record numbers as in one thread (forward.ts), so the report is the same; correlations, which
 * depend on that order, stay on this thread.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DetectSession } from '../session.js';
import { BATCH_BYTES, replay } from './forward.js';
import type { Input } from './inputs.js';
import { RecordParser } from './json-records.js';
import type { ScreenMessage, ScreenWorkerData } from './screen-worker.js';

/** Below this many bytes of input the thread's start-up (~40 ms) is not won back. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
const MAX_IN_FLIGHT = 8;

/**
 * Whether to screen on a second thread (`--threads`): '1' never, '2' whenever the inputs allow it
 * (tests compare the two), 'auto' with several cores and enough bytes. The inputs allow it when every
 * one is a file (not stdin) and records are screened at all (`screens`: not under --since/--until).
 */
export function useScreenThread(screens: boolean, inputs: Input[], threads: 'auto' | '1' | '2' = 'auto'): boolean {
  if (threads === '1' || inputs.length === 0 || inputs.some((i) => i.path === undefined) || !screens) return false;
  if (threads === '2') return true;
  if (availableParallelism() < 2) return false;
  let bytes = 0;
  for (const i of inputs) {
    try {
      bytes += statSync(i.path as string).size;
    } catch {
      // unreadable now: the thread reports it as the one-thread path would
    }
  }
  return bytes >= PARALLEL_MIN_BYTES;
}

/** A screening thread started ahead of its work, and what became of it before it was given any. */
export interface ScreenThread {
  worker: Worker;
  failure?: Error;
  exitCode?: number;
}

/**
 * Starts the screening thread before its settings exist: a thread's start-up (~130 ms of this machine's
 * time, most of it Node compiling its own modules for the new thread) then overlaps the main thread's
 * loading of the rules, which the settings (the screen index) come from. The thread waits for them
 * (screen-worker.ts). It does not keep the process alive until readInputsScreened takes it, so a run that
 * stops before (every rule refused, an unreadable input) ends as it would without it; stopScreenThread
 * ends it.
 */
export function startScreenThread(): ScreenThread {
  const worker = new Worker(new URL('./screen-worker.js', import.meta.url));
  worker.unref();
  const thread: ScreenThread = { worker };
  worker.on('error', (err) => {
    thread.failure ??= err;
  });
  worker.once('exit', (code) => {
    thread.exitCode = code;
  });
  return thread;
}

export function stopScreenThread(thread: ScreenThread): void {
  void thread.worker.terminate();
}

/**
 * Reads every input through the screening thread into the session; the same result as readInput on each.
 * `thread` is one startScreenThread gave (else one is started now).
 */
export function readInputsScreened(session: DetectSession, inputs: Input[], thread: ScreenThread = startScreenThread()): Promise<void> {
  const spec = session.screenSpec();
  if (!spec) throw new Error('readInputsScreened: this session parses every record');
  const control = new SharedArrayBuffer(4);
  const inFlight = new Int32Array(control);
  const data: ScreenWorkerData = { index: spec.index, forced: spec.forced, paths: inputs.map((i) => i.path as string), control, maxInFlight: MAX_IN_FLIGHT };
  const { worker } = thread;
  worker.ref();
  worker.postMessage(data);
  const parsers = inputs.map((input) => {
    const parser: RecordParser = new RecordParser((rec) => session.record(rec, `${input.name}#${parser.stats.records}`));
    return parser;
  });
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(err);
    };
    worker.on('message', (msg: ScreenMessage) => {
      if (settled) return;
      try {
        if (msg.type === 'batch') {
          replay(msg, parsers[msg.input]);
          // The buffer goes back for reuse (a record larger than a batch came in one of its own: dropped).
          const buf = msg.data.buffer as ArrayBuffer;
          if (buf.byteLength === BATCH_BYTES) worker.postMessage(buf, [buf]);
          Atomics.sub(inFlight, 0, 1);
          Atomics.notify(inFlight, 0);
        } else if (msg.type === 'done') {
          const parser = parsers[msg.input];
          const name = inputs[msg.input].name;
          parser.screened(msg.skipped);
          session.stats.bytes += msg.bytes;
          session.addScreened(msg.events, msg.unrecognised);
          if (msg.error !== undefined) session.notes.push({ level: 'error', path: name, message: `read failed: ${msg.error}`, source: 'detect' });
          session.inputDone(name, parser.stats);
        } else if (msg.type === 'end') {
          settled = true;
          void worker.terminate(); // its work is done; buffers sent back after its last batch must not keep it alive
          resolve();
        } else fail(new Error(`the screening thread failed: ${msg.message} (--threads 1 reads on one thread)`));
      } catch (err) {
        fail(err as Error);
      }
    });
    const failed = (err: Error): void => fail(new Error(`the screening thread failed: ${err.message} (--threads 1 reads on one thread)`));
    worker.on('error', failed);
    if (thread.failure) failed(thread.failure);
    const exited = (code: number): void => fail(new Error(`the screening thread stopped (exit code ${code})`));
    worker.on('exit', exited);
    if (thread.exitCode !== undefined) exited(thread.exitCode);
  });
}
