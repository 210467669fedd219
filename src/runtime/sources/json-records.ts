/**
 * Incremental splitter for JSON record containers: `{"Records":[…]}` (CloudTrail's S3 files, often
 * one line of hundreds of MB), a top-level array (`[…]`, e.g. exported or Stratus logs) and JSON lines.
 *
 * Why our own tokenizer: JSON.parse needs the whole document, which would make memory grow with the
 * file. Streaming JSON libraries exist, but they build values token by token in JavaScript and are
 * several times slower than JSON.parse. This splitter only finds where each record of the array
 * starts and ends (tracking strings, escapes and bracket depth over bytes, jumping from quote to quote
 * with Buffer.indexOf), then hands each record's bytes to JSON.parse. Memory is bounded by one record
 * (MAX_RECORD) plus one chunk; a truncated or corrupt record is counted, and the split continues.
 *
 * Work is linear in the input: chunks are appended into a buffer that grows by doubling and is
 * compacted in place (never re-concatenated per chunk), every scan resumes where the last one stopped,
 * and a line or record longer than MAX_RECORD is dropped as soon as it passes the limit and the rest of
 * it is skipped without being kept (one 150 MB JSON string costs one pass and at most ~2×MAX_RECORD).
 */

export const MAX_RECORD = 16 * 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const NL = 0x0a;

export interface SplitStats {
  records: number;
  malformed: number;
  /** First few problems, for notes. */
  problems: string[];
}

export type RecordSink = (record: Record<string, unknown>) => void;

/**
 * What the splitter hands each record to: parse it (JSON.parse, then the sink), note a problem, or count
 * a record the screen skipped. RecordParser is the usual stage; the screening thread of `aigis detect`
 * uses one that forwards the same three calls, in order, to the thread that parses (parallel.ts).
 */
export interface RecordStage {
  readonly stats: SplitStats;
  parse(bytes: Buffer): void;
  problem(msg: string): void;
  /** `n` records (default 1) the screen decided not to parse. */
  screened(n?: number): void;
}

/** JSON.parse of one record's bytes; arrays and `{"Records":[…]}` lines give one record per element. */
export class RecordParser implements RecordStage {
  readonly stats: SplitStats = { records: 0, malformed: 0, problems: [] };

  constructor(private readonly sink: RecordSink) {}

  problem(msg: string): void {
    this.stats.malformed++;
    if (this.stats.problems.length < 5) this.stats.problems.push(msg);
  }

  screened(n = 1): void {
    this.stats.records += n;
  }

  parse(bytes: Buffer): void {
    let v: unknown;
    try {
      v = JSON.parse(bytes.toString('utf8'));
    } catch (err) {
      this.problem(`record ${this.stats.records + this.stats.malformed + 1}: ${(err as Error).message}`);
      return;
    }
    if (v === null || typeof v !== 'object') {
      this.problem(`record ${this.stats.records + this.stats.malformed + 1}: not a JSON object`);
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) this.emitValue(x);
      return;
    }
    const rec = v as Record<string, unknown>;
    // A JSON line may itself be a whole CloudTrail file.
    if (Array.isArray(rec.Records) && Object.keys(rec).length <= 2) {
      for (const x of rec.Records) this.emitValue(x);
      return;
    }
    this.stats.records++;
    this.sink(rec);
  }

  private emitValue(x: unknown): void {
    if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
      this.stats.records++;
      this.sink(x as Record<string, unknown>);
    } else this.problem(`record ${this.stats.records + this.stats.malformed + 1}: not a JSON object`);
  }
}

/** Top-level mode, decided from the first bytes. */
type Mode = 'unknown' | 'container' | 'lines';

const RECORDS_KEY = Buffer.from('Records');

export class RecordSplitter {
  /** The unconsumed bytes: a view into `store` from `start`. */
  private buf: Buffer = Buffer.alloc(0);
  private store: Buffer = Buffer.alloc(0);
  /** True when `store` is our own allocation (a chunk we were given is never written to). */
  private owned = false;
  private start = 0;
  /** Backslashes that ended the consumed part of a string (an escape may straddle a consume). */
  private carryBs = 0;
  /** Lines mode: where the newline search resumes in `buf`, and whether the current line is being skipped. */
  private lineScan = 0;
  private skipLine = false;
  /** Unknown mode: bytes of `buf` already searched for a newline. */
  private headScan = 0;
  /** Bytes copied between buffers so far (tests check that it stays linear in the input). */
  copied = 0;
  /** Largest buffer held so far (tests check the memory bound). */
  peak = 0;
  private mode: Mode = 'unknown';
  // Container state (positions are offsets into this.buf).
  private pos = 0;
  private depth = 0;
  /** Depth at which records live: 1 for `[…]`, 2 for `{"Records":[…]}`. */
  private recordDepth = -1;
  private recordStart = -1;
  private lastKeyStart = -1;
  private lastKeyEnd = -1;
  private inString = false;
  private done = false;
  private line = 0;
  readonly stats: SplitStats;
  private readonly stage: RecordStage;

  /** Start of a top-level object that may turn out to be a record itself (no Records array in it). */
  private topStart = -1;

  constructor(
    /** Each record's parsed object (a RecordParser is made for it), or the stage records go to. */
    sink: RecordSink | RecordStage,
    /** Largest record kept (bytes); longer ones are skipped and counted. */
    private readonly maxRecord = MAX_RECORD,
    /** Optional pre-parse screen over the record `raw[from, to)`: false skips JSON.parse. */
    private readonly screen?: (raw: Buffer, from: number, to: number) => boolean,
  ) {
    this.stage = typeof sink === 'function' ? new RecordParser(sink) : sink;
    this.stats = this.stage.stats;
  }

  private problem(msg: string): void {
    this.stage.problem(msg);
  }

  /** A record at `buf[from, to)`: screened in place, so a skipped record costs no allocation. */
  private emitRange(buf: Buffer, from: number, to: number): void {
    if (this.screen && buf[from] === LBRACE && buf[to - 1] === RBRACE && !this.screen(buf, from, to)) {
      this.stage.screened();
      return;
    }
    this.parse(buf.subarray(from, to));
  }

  private emit(bytes: Buffer): void {
    if (this.screen && bytes[0] === LBRACE && bytes[bytes.length - 1] === RBRACE && !this.screen(bytes, 0, bytes.length)) {
      this.stage.screened();
      return;
    }
    this.parse(bytes);
  }

  private parse(bytes: Buffer): void {
    this.stage.parse(bytes);
  }

  /** Appends a chunk to the unconsumed bytes, growing the store by doubling (amortised linear). */
  private append(chunk: Buffer): void {
    const len = this.buf.length;
    if (len === 0) {
      // Nothing pending: work on the chunk itself (the common case of whole records per chunk).
      this.store = chunk;
      this.owned = false;
      this.start = 0;
      this.buf = chunk;
      return;
    }
    const end = this.start + len;
    if (!this.owned || this.store.length - end < chunk.length) {
      if (this.owned && len + chunk.length <= this.store.length / 2) {
        this.store.copyWithin(0, this.start, end); // plenty of room once compacted
        this.copied += len;
      } else {
        const next = Buffer.allocUnsafe(Math.max(64 * 1024, 2 * (len + chunk.length)));
        this.store.copy(next, 0, this.start, end);
        this.copied += len;
        this.peak = Math.max(this.peak, next.length);
        this.store = next;
        this.owned = true;
      }
      this.start = 0;
    }
    chunk.copy(this.store, this.start + len);
    this.copied += chunk.length;
    this.buf = this.store.subarray(this.start, this.start + len + chunk.length);
  }

  /** Drops the first `n` bytes of `buf` (they were emitted or skipped). */
  private consume(n: number): void {
    if (n >= this.buf.length) {
      this.buf = Buffer.alloc(0);
      this.start = 0;
      this.store = this.buf;
      this.owned = false;
    } else {
      this.start += n;
      this.buf = this.buf.subarray(n);
    }
  }

  push(chunk: Buffer): void {
    if (this.skipLine) {
      // The rest of an over-long line: nothing of it is kept.
      const nl = chunk.indexOf(NL);
      if (nl === -1) return;
      this.skipLine = false;
      chunk = chunk.subarray(nl + 1);
      if (chunk.length === 0) return;
    }
    this.append(chunk);
    if (this.mode === 'unknown') {
      const head = this.buf.subarray(0, 256).toString('utf8').replace(/^\uFEFF/, '');
      const trimmed = head.trimStart();
      if (trimmed === '') return;
      if (trimmed[0] === '[' || /^\{\s*"Records"\s*:/.test(trimmed)) this.mode = 'container';
      else if (trimmed[0] === '{') {
        // JSON lines if the first line is a complete value; otherwise one (pretty-printed) document.
        const nl = this.buf.indexOf(NL, this.headScan);
        this.headScan = this.buf.length;
        if (nl === -1 && this.buf.length <= this.maxRecord) return; // need more bytes to decide
        let firstLineParses = false;
        if (nl !== -1) {
          try {
            JSON.parse(this.buf.subarray(0, nl).toString('utf8'));
            firstLineParses = true;
          } catch {
            firstLineParses = false;
          }
        }
        this.mode = firstLineParses ? 'lines' : 'container';
      } else this.mode = 'lines';
    }
    if (this.mode === 'lines') this.scanLines(false);
    else this.scanContainer();
  }

  end(): void {
    if (this.mode === 'unknown') {
      const t = this.buf.toString('utf8').trim();
      this.mode = t.startsWith('{') && !t.includes('\n') ? 'lines' : t.startsWith('{') ? 'container' : 'lines';
    }
    if (this.mode === 'lines') this.scanLines(true);
    else {
      this.scanContainer();
      if (this.recordStart >= 0 || this.depth > 0) this.problem('input ends inside a record (truncated file?)');
    }
    this.consume(this.buf.length);
    this.skipLine = false;
  }

  private scanLines(final: boolean): void {
    let start = 0;
    let from = this.lineScan;
    for (;;) {
      const nl = this.buf.indexOf(NL, from);
      if (nl === -1) break;
      this.line++;
      this.lineRecord(this.buf, start, nl);
      start = from = nl + 1;
    }
    const rest = this.buf.length - start;
    if (final && rest) {
      this.line++;
      this.lineRecord(this.buf, start, this.buf.length);
      this.consume(this.buf.length);
    } else if (rest > this.maxRecord) {
      this.line++;
      this.problem(`line ${this.line}: longer than ${this.maxRecord} bytes, skipped`);
      // Drop what we have and ignore bytes until the next newline (see push).
      this.consume(this.buf.length);
      this.skipLine = true;
    } else this.consume(start);
    this.lineScan = this.buf.length;
  }

  private lineRecord(bytes: Buffer, from: number, to: number): void {
    let a = from;
    let b = to;
    while (a < b && (bytes[a] === 0x20 || bytes[a] === 0x09 || bytes[a] === 0x0d)) a++;
    while (b > a && (bytes[b - 1] === 0x20 || bytes[b - 1] === 0x09 || bytes[b - 1] === 0x0d)) b--;
    if (a === b) return;
    this.emitRange(bytes, a, b);
  }

  private scanContainer(): void {
    const buf = this.buf;
    let i = this.pos;
    const n = buf.length;
    while (i < n && !this.done) {
      if (this.inString) {
        const q = buf.indexOf(QUOTE, i);
        if (q === -1) {
          i = n;
          break;
        }
        // Count the backslashes before the quote: odd means escaped.
        let bs = 0;
        let k = q - 1;
        for (; k >= 0 && buf[k] === BACKSLASH; k--) bs++;
        if (k < 0) bs += this.carryBs;
        i = q + 1;
        if (bs % 2 === 0) {
          this.inString = false;
          if (this.depth === 1 && this.recordDepth < 0) this.lastKeyEnd = q;
        }
        continue;
      }
      const c = buf[i];
      if (c === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && this.recordDepth < 0) this.lastKeyStart = i + 1;
        if (this.depth === this.recordDepth && this.recordStart < 0) this.recordStart = i;
      } else if (c === LBRACE || c === LBRACKET) {
        if (this.depth === 0) {
          this.recordDepth = c === LBRACKET ? 1 : -1;
          this.topStart = c === LBRACE ? i : -1;
          this.lastKeyStart = this.lastKeyEnd = -1;
        } else if (this.depth === 1 && c === LBRACKET && this.recordDepth === -1 && this.isRecordsKey()) {
          this.recordDepth = 2;
          this.topStart = -1; // a CloudTrail wrapper: its records are emitted, not the wrapper
        }
        else if (this.depth === this.recordDepth && this.recordStart < 0) this.recordStart = i;
        this.depth++;
      } else if (c === RBRACE || c === RBRACKET) {
        this.depth--;
        if (this.depth < 0) {
          this.problem('unbalanced closing bracket');
          this.done = true;
        } else if (this.depth === 0 && this.topStart >= 0) {
          this.emit(buf.subarray(this.topStart, i + 1)); // a top-level object without Records is one record
          this.topStart = -1;
        } else if (this.depth === this.recordDepth && this.recordStart >= 0) {
          this.emit(buf.subarray(this.recordStart, i + 1));
          this.recordStart = -1;
        } else if (this.depth === this.recordDepth - 1) {
          if (this.recordStart >= 0) {
            this.emit(buf.subarray(this.recordStart, i)); // a trailing scalar element
            this.recordStart = -1;
          }
          this.recordDepth = -2; // this value's records are done; the rest of the wrapper is skipped
        }
      } else if (this.depth === this.recordDepth && this.recordStart < 0 && c !== 0x2c && c > 0x20) {
        this.recordStart = i; // a scalar element: emit() reports it
      } else if (c === 0x2c && this.depth === this.recordDepth && this.recordStart >= 0) {
        this.emit(buf.subarray(this.recordStart, i));
        this.recordStart = -1;
      }
      i++;
    }
    // Keep only what is still needed: the open record, or a key that may still turn out to be "Records".
    if (this.topStart >= 0 && i - this.topStart > this.maxRecord) {
      this.problem(`top-level object longer than ${this.maxRecord} bytes without a Records array, skipped`);
      this.topStart = -1;
    }
    if (this.recordStart >= 0 && i - this.recordStart > this.maxRecord) {
      // Drop the record; the depth counter still finds its end, and the next record is read normally.
      this.problem(`record longer than ${this.maxRecord} bytes, skipped`);
      this.recordStart = -1;
    }
    let keep = this.recordStart >= 0 ? this.recordStart : i;
    if (this.topStart >= 0) keep = Math.min(keep, this.topStart);
    // A key is kept only while it may still be "Records" (a longer string, e.g. a huge value, is not).
    // (Padding of more than 4 KiB between a key and its value is not taken for a Records wrapper either.)
    if (this.lastKeyStart > 0) {
      const open = this.inString && this.lastKeyEnd < this.lastKeyStart;
      if (open ? i - this.lastKeyStart > RECORDS_KEY.length : this.lastKeyEnd - this.lastKeyStart !== RECORDS_KEY.length || i - this.lastKeyEnd > 4096) {
        this.lastKeyStart = this.lastKeyEnd = -1;
      }
    }
    if (this.recordStart < 0 && this.recordDepth === -1 && this.lastKeyStart > 0) keep = Math.min(keep, this.lastKeyStart - 1);
    keep = Math.min(keep, n);
    if (keep > 0 && this.inString) {
      let k = keep - 1;
      let bs = 0;
      for (; k >= 0 && buf[k] === BACKSLASH; k--) bs++;
      this.carryBs = k < 0 ? bs + this.carryBs : bs;
    } else if (keep > 0) this.carryBs = 0;
    this.lastKeyStart -= keep;
    this.lastKeyEnd -= keep;
    if (this.recordStart >= 0) this.recordStart -= keep;
    if (this.topStart >= 0) this.topStart -= keep;
    this.consume(keep);
    this.pos = i - keep;
  }

  private isRecordsKey(): boolean {
    if (this.lastKeyStart < 0 || this.lastKeyEnd < this.lastKeyStart) return false;
    return this.buf.subarray(this.lastKeyStart, this.lastKeyEnd).equals(RECORDS_KEY);
  }
}
