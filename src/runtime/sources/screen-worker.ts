/**
 * The screening thread of `aigis detect` (parallel.ts): reads the input files, splits them into
 * records, screens each one (sigma/screener.ts) and forwards only the records that must be parsed,
 * with the splitter's problems and counts, to the main thread. It never parses an event and runs no
 * rule: the verdicts come from the same Screener the one-thread path uses.
 */
import { parentPort } from 'node:worker_threads';
import { collector } from '../heap-pacer.js';
import { Screener, type ScreenIndex } from '../sigma/screener.js';
import type { EventKind } from '../sigma/types.js';
import { Forwarder, type Batch } from './forward.js';
import { decodedChunks, fileInput } from './inputs.js';
import { RecordSplitter } from './json-records.js';

export interface ScreenWorkerData {
  index: ScreenIndex;
  forced?: EventKind;
  paths: string[];
  /** SharedArrayBuffer of one Int32: batches posted and not yet replayed by the main thread. */
  control: SharedArrayBuffer;
  /** Batches in flight before this thread waits (memory stays flat when parsing is the slower side). */
  maxInFlight: number;
}

/** Messages to the main thread. */
export type ScreenMessage =
  | ({ type: 'batch' } & Batch)
  | { type: 'done'; input: number; skipped: number; bytes: number; events: number; unrecognised: number; error?: string }
  | { type: 'end' }
  | { type: 'fatal'; message: string };

/**
 * The thread is started before the rules are loaded (parallel.ts: its start-up overlaps theirs), so its
 * settings arrive as the first message rather than as workerData; later messages are batch buffers the
 * main thread has replayed and sends back for reuse (see Forwarder).
 */
let init: ScreenWorkerData | undefined;
let inFlight: Int32Array;
let screener: Screener;
const port = parentPort!;
const spare: ArrayBuffer[] = [];
/**
 * This thread allocates little on its heap, so V8 seldom collects it, and the ArrayBuffers it lets go
 * (batch buffers beyond the spare set, operation lists) are freed only by a collection: they reached
 * 27 MiB. A full collection every COLLECT_EVERY batches (16 MiB forwarded) keeps them few (heap-pacer.ts).
 */
const COLLECT_EVERY = 32;
const collect = collector();
let posted = 0;
port.on('message', (msg: ScreenWorkerData | ArrayBuffer) => {
  if (init === undefined) {
    init = msg as ScreenWorkerData;
    inFlight = new Int32Array(init.control);
    screener = new Screener(init.index);
    run(init).catch((err: unknown) => port.postMessage({ type: 'fatal', message: (err as Error)?.message ?? String(err) } satisfies ScreenMessage));
  } else if (spare.length < init.maxInFlight) spare.push(msg as ArrayBuffer);
});

function post(batch: Batch): void {
  const msg: ScreenMessage = { type: 'batch', ...batch };
  port.postMessage(msg, [batch.data.buffer as ArrayBuffer, batch.ops.buffer as ArrayBuffer]);
  Atomics.add(inFlight, 0, 1);
  if (++posted % COLLECT_EVERY === 0) collect?.();
  for (;;) {
    const n = Atomics.load(inFlight, 0);
    if (n < init!.maxInFlight) break;
    Atomics.wait(inFlight, 0, n);
  }
}

async function run(job: ScreenWorkerData): Promise<void> {
  for (let i = 0; i < job.paths.length; i++) {
    let events = 0;
    let unrecognised = 0;
    let bytes = 0;
    let error: string | undefined;
    const forwarder = new Forwarder(i, post, spare);
    const screen = (raw: Buffer, from: number, to: number): boolean => {
      const verdict = screener.screen(raw, job.forced, from, to);
      if (verdict === 'parse') return true;
      if (verdict === 'event') events++;
      else unrecognised++;
      return false;
    };
    const splitter = new RecordSplitter(forwarder, undefined, screen);
    try {
      for await (const chunk of decodedChunks(fileInput(job.paths[i]).chunks())) {
        bytes += chunk.length;
        splitter.push(chunk);
      }
      splitter.end();
    } catch (err) {
      splitter.end();
      error = (err as Error).message;
    }
    const skipped = forwarder.finish();
    port.postMessage({ type: 'done', input: i, skipped, bytes, events, unrecognised, error } satisfies ScreenMessage);
  }
  port.postMessage({ type: 'end' } satisfies ScreenMessage);
}

