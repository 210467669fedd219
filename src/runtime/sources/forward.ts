/**
 * The stream between the screening thread and the thread that parses (parallel.ts): the splitter's
 * three calls (parse these bytes, note this problem, a record was screened out) recorded in order,
 * in batches whose bytes move between threads without a copy (transferred ArrayBuffers). Replaying a
 * batch into a RecordParser makes exactly the calls the splitter would have made in one thread, so
 * record numbers, problems and counts are the same.
 */
import type { RecordParser, RecordStage, SplitStats } from './json-records.js';

/** One batch: records' bytes back to back, and per call [kind, records screened out before it, a, b]. */
export interface Batch {
  input: number;
  data: Uint8Array;
  /** kind 0: parse data[a, b); kind 1: problem problems[a]. */
  ops: Int32Array;
  problems: string[];
}

const PARSE = 0;
const PROBLEM = 1;
/** Bytes per batch: large enough that messages are few, small enough that memory stays flat. */
export const BATCH_BYTES = 512 * 1024;
const BATCH_OPS = 4096;

/** The screening side: a RecordStage that records the calls and posts them in batches. */
export class Forwarder implements RecordStage {
  readonly stats: SplitStats = { records: 0, malformed: 0, problems: [] };
  private data: Buffer;
  private used = 0;
  private ops: number[] = [];
  private problems: string[] = [];
  /** Records screened out since the last call recorded. */
  private pending = 0;

  constructor(
    private readonly input: number,
    private readonly post: (batch: Batch) => void,
    /**
     * Batch buffers the parsing side has sent back, reused so that the bytes in flight are a fixed set
     * of buffers (fresh ones for every batch are freed only when the garbage collector gets to them,
     * and memory grew with the input).
     */
    private readonly spare: ArrayBuffer[] = [],
  ) {
    this.data = this.fresh();
  }

  private fresh(): Buffer {
    return Buffer.from(this.spare.pop() ?? new ArrayBuffer(BATCH_BYTES));
  }

  screened(n = 1): void {
    this.stats.records += n;
    this.pending += n;
  }

  problem(msg: string): void {
    this.stats.malformed++;
    this.ops.push(PROBLEM, this.pending, this.problems.length, 0);
    this.problems.push(msg);
    this.pending = 0;
    if (this.ops.length >= BATCH_OPS * 4) this.flush();
  }

  parse(bytes: Buffer): void {
    if (this.used + bytes.length > this.data.length) {
      this.flush();
      // A record larger than a batch travels alone, in a buffer of its own size.
      if (bytes.length > this.data.length) this.data = Buffer.from(new ArrayBuffer(bytes.length));
    }
    bytes.copy(this.data, this.used);
    this.ops.push(PARSE, this.pending, this.used, this.used + bytes.length);
    this.used += bytes.length;
    this.pending = 0;
    if (this.used >= BATCH_BYTES || this.ops.length >= BATCH_OPS * 4) this.flush();
  }

  /** Posts what is recorded so far. */
  private flush(): void {
    if (this.ops.length === 0) return;
    this.post({ input: this.input, data: new Uint8Array(this.data.buffer, 0, this.used), ops: Int32Array.from(this.ops), problems: this.problems });
    this.data = this.fresh();
    this.used = 0;
    this.ops = [];
    this.problems = [];
  }

  /** End of the input: posts the rest; returns the records screened out after the last recorded call. */
  finish(): number {
    this.flush();
    const rest = this.pending;
    this.pending = 0;
    return rest;
  }
}

/** The parsing side: makes a batch's calls on the input's parser, in order. */
export function replay(batch: Batch, parser: RecordParser): void {
  const data = Buffer.from(batch.data.buffer, batch.data.byteOffset, batch.data.byteLength);
  const ops = batch.ops;
  for (let k = 0; k < ops.length; k += 4) {
    if (ops[k + 1]) parser.screened(ops[k + 1]);
    if (ops[k] === PARSE) parser.parse(data.subarray(ops[k + 2], ops[k + 3]));
    else parser.problem(batch.problems[ops[k + 2]]);
  }
}
