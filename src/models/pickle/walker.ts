/**
 * A pickle opcode walker that never unpickles: it emulates the unpickler's stack, mark stack and
 * memo just far enough to know every global the stream would import and every attribute it would
 * set, for protocols 0–5. Nothing is imported, called or constructed.
 *
 * Why our own: no JavaScript library parses pickles, and the Python tools that do (pickletools,
 * picklescan, fickling) are the ones with documented bypasses — memo shuffles feeding
 * STACK_GLOBAL, several pickles in one file, joblib's raw array bytes in the middle of a stream,
 * truncated files whose first opcodes already ran. This walker handles each of those and fails
 * closed: globals seen before an error are always reported.
 */
import type { ByteSource } from '../io/byte-source.js';
import { bufferSource } from '../io/byte-source.js';
import { OPCODES, HIGHEST_PROTOCOL } from './opcodes.js';
import { findNestedPickle, type NestedPickle } from './nested.js';
import { joblibArrayLayout } from './joblib.js';

/** Emulated values: only what is needed to resolve globals and recognise a few structures. */
export type PValue =
  | { t: 'str'; s: string }
  | { t: 'bytes'; n: number; b?: Buffer }
  | { t: 'int'; v: number | bigint }
  | { t: 'float' }
  | { t: 'bool'; v: boolean }
  | { t: 'none' }
  | { t: 'global'; module: string; name: string }
  | { t: 'obj'; fn: PValue; args: PValue; state?: PValue }
  | { t: 'tuple'; items: PValue[] }
  | { t: 'list'; items: PValue[] }
  | { t: 'dict'; entries: [PValue, PValue][] }
  | { t: 'set'; items: PValue[] }
  | { t: 'pid' }
  | { t: 'buffer' }
  | { t: 'any' };

export interface GlobalRef {
  module: string;
  name: string;
  /** Byte offset of the opcode that imported it (in the stream it was found in). */
  offset: number;
  opcode: string;
  /** Index of the pickle in a file holding several back to back (0-based). */
  pickle: number;
  /** Set when the global came from a pickle nested in a bytes/str argument or after a joblib array. */
  nested?: string;
}

export type TamperKind = 'build-on-global' | 'dunder-attribute' | 'dynamic-global' | 'extension-code';

export interface Tampering {
  kind: TamperKind;
  offset: number;
  detail: string;
  nested?: string;
}

export interface PickleScan {
  globals: GlobalRef[];
  tampering: Tampering[];
  /** Complete pickles (ending in STOP) found back to back. */
  pickles: number;
  opcodes: number;
  /** Highest PROTO seen. */
  protocol: number;
  /** Offset where walking stopped. */
  end: number;
  /** Bytes after the last pickle that were not walked (e.g. legacy torch storages). */
  trailing: number;
  /** Parse error (the globals before it are still listed: fail closed). */
  error?: { offset: number; message: string; truncated: boolean };
  /** Budget (steps, memory or time) exhausted: the stack emulation stopped early. */
  budget?: string;
  budgetKind?: 'steps' | 'memory' | 'time';
  /**
   * After a step or memory budget stopped the emulation, the rest of the stream is still decoded
   * opcode by opcode for imports (GLOBAL, INST, STACK_GLOBAL): `scannedTo` is where that scan ended,
   * `complete` whether it reached the end of the pickle data.
   */
  importScan?: { from: number; scannedTo: number; complete: boolean; opcodes: number; globals: number; stopped?: string };
  /** joblib NumpyArrayWrapper arrays skipped or walked. */
  joblibArrays: number;
  nestedPickles: number;
  /** True when the first pickle is the legacy torch magic number. */
  legacyTorch: boolean;
}

export interface WalkOptions {
  /** Stop after this many opcodes in total (nested pickles included). */
  maxOps?: number;
  /** Epoch ms after which the walk stops with `budget` set. */
  deadline?: number;
  signal?: AbortSignal;
  /** Nested pickles in bytes/str arguments are walked up to this depth. */
  maxNestedDepth?: number;
  /** Byte/str arguments larger than this are skipped, not kept in memory. */
  maxArgBytes?: number;
}

class PickleError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly truncated = false,
  ) {
    super(message);
  }
}

class BudgetError extends Error {
  /** Offset where the emulation stopped (set by the innermost `runPickle`). */
  offset?: number;
  /** Strings in the memo and the last two stack values when it stopped, to seed the import scan. */
  memoStrings?: Map<number, string | undefined>;
  lastTwo?: [string | undefined, string | undefined];
  /** Time budgets and aborts stop everything; step and memory budgets leave room for the import scan. */
  constructor(
    message: string,
    readonly kind: 'steps' | 'memory' | 'time' = 'steps',
  ) {
    super(message);
  }
}

/** Most opcodes the import scan decodes after the emulation stopped (≈ a few seconds of work). */
const IMPORT_SCAN_OPS = 200_000_000;

const WINDOW = 1 << 20;
const HEADROOM = 64;
const MAX_LINE = 4 << 20;
const MAX_ITEMS = 256;
/** Most entries on the emulated stack, mark stack or memo. */
const MAX_STACK = 1_000_000;
/** Most distinct globals / tampering events kept per file. */
const MAX_RECORDS = 10_000;
/** `torch.serialization.MAGIC_NUMBER`, the first pickle of a legacy (pre-zip) checkpoint. */
const TORCH_MAGIC = 0x1950a86a20f9469cfc6cn;
/** Python 2 module names that the unpickler maps to Python 3 ones (a subset of `_compat_pickle.IMPORT_MAPPING`). */
const COMPAT_MODULES: Record<string, string> = {
  __builtin__: 'builtins',
  copy_reg: 'copyreg',
  cPickle: 'pickle',
  exceptions: 'builtins',
  httplib: 'http.client',
  urllib2: 'urllib.request',
  cStringIO: 'io',
  StringIO: 'io',
  Queue: 'queue',
  thread: '_thread',
};
const DOTTED_IDENT = /^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)*$/u;
const DUNDER = /^__\w+__$/;
/** Arguments above this size are peeked at before being read. */
const LARGE_ARG = 64 * 1024;
/** Values above this size are not kept on the emulated stack or memo (only their length). */
const KEEP_MAX = 4096;
const TEXTISH = /^[A-Za-z0-9+/=_\-\s]{16}$/;

/** Whether an argument that starts with `head` can be (or encode) a pickle: raw magic, base64 or hex text. */
function mayHoldPickle(head: Buffer): boolean {
  return (head[0] === 0x80 && head[1] >= 2 && head[1] <= 5) || TEXTISH.test(head.toString('latin1')) || head[0] === 0x63 || head[0] === 0x28;
}

/** Drops the content of large values once they were checked for nested pickles, so memory stays flat. */
function compact(v: PValue): PValue {
  if (v.t === 'bytes' && v.b && v.b.length > KEEP_MAX) return { t: 'bytes', n: v.n };
  if (v.t === 'str' && v.s.length > KEEP_MAX) return { t: 'bytes', n: v.s.length };
  return v;
}

/** Maps a Python 2 module name the way the unpickler does (fix_imports). */
export function normaliseModule(module: string): string {
  return COMPAT_MODULES[module] ?? module;
}

export async function walkPickle(src: ByteSource, opts: WalkOptions = {}): Promise<PickleScan> {
  return new Walker(src, opts, 0, undefined).run();
}

export async function walkPickleBuffer(buf: Buffer, opts: WalkOptions = {}): Promise<PickleScan> {
  return walkPickle(bufferSource(buf), opts);
}

interface Shared {
  ops: number;
  maxOps: number;
  deadline: number;
  signal?: AbortSignal;
  maxNestedDepth: number;
  maxArgBytes: number;
}

class Walker {
  private buf: Buffer = Buffer.alloc(0);
  private bufStart = 0;
  private readonly shared: Shared;
  private readonly out: PickleScan = {
    globals: [],
    tampering: [],
    pickles: 0,
    opcodes: 0,
    protocol: 0,
    end: 0,
    trailing: 0,
    joblibArrays: 0,
    nestedPickles: 0,
    legacyTorch: false,
  };
  private pickleIndex = 0;
  private readonly seenGlobals = new Set<string>();

  constructor(
    private readonly src: ByteSource,
    opts: WalkOptions,
    private readonly depth: number,
    private readonly nestedLabel: string | undefined,
    shared?: Shared,
  ) {
    this.shared = shared ?? {
      ops: 0,
      maxOps: opts.maxOps ?? 20_000_000,
      deadline: opts.deadline ?? Number.POSITIVE_INFINITY,
      signal: opts.signal,
      maxNestedDepth: opts.maxNestedDepth ?? 3,
      maxArgBytes: opts.maxArgBytes ?? 16 << 20,
    };
  }

  async run(): Promise<PickleScan> {
    const size = this.src.size;
    let pos = 0;
    try {
      while (pos < size) {
        if (this.pickleIndex > 0) {
          if (!this.holds(pos, 2)) await this.ensure(pos, 2);
          const b = this.byteAt(pos);
          // Bytes after a STOP that do not start an opcode are data (or junk), not another pickle.
          if (OPCODES[b] === undefined || (b === 0x80 && (this.byteAt(pos + 1) < 2 || this.byteAt(pos + 1) > HIGHEST_PROTOCOL))) break;
        }
        let res: { end: number; result: PValue | undefined };
        try {
          res = await this.runPickle(pos, this.pickleIndex);
        } catch (e) {
          // A later pickle that fails on its very first opcode is trailing data, not an error.
          if (e instanceof PickleError && this.pickleIndex > 0 && e.offset === pos) break;
          throw e;
        }
        pos = res.end;
        this.pickleIndex++;
        this.out.pickles++;
        if (this.pickleIndex === 1 && res.result?.t === 'int' && res.result.v === TORCH_MAGIC) this.out.legacyTorch = true;
        // Legacy torch: magic, protocol, sys_info, the object, the storage keys; raw storages follow.
        if (this.out.legacyTorch && this.pickleIndex === 5) break;
      }
    } catch (e) {
      if (e instanceof PickleError) this.out.error = { offset: e.offset, message: e.message, truncated: e.truncated };
      else if (e instanceof BudgetError) {
        this.out.budget = e.message;
        this.out.budgetKind = e.kind;
        // A step or memory budget stops the emulation, not the search for imports: CPython would
        // still reach (and run) a global further on, so the rest of the stream is decoded for them.
        if (e.kind !== 'time' && e.offset !== undefined) await this.importScan(e.offset, e.memoStrings ?? new Map(), e.lastTwo ?? [undefined, undefined]);
      } else throw e;
    }
    this.out.end = Math.min(pos, size);
    this.out.trailing = this.out.error || this.out.budget ? 0 : size - this.out.end;
    this.out.opcodes = this.shared.ops;
    return this.out;
  }

  // ---- byte access (windowed so that multi-gigabyte files are never read whole) ----

  private byteAt(pos: number): number {
    return this.buf[pos - this.bufStart];
  }

  /**
   * Whether the window holds [pos, pos+n). Checked before awaiting `ensure`: near the end of the data
   * (all of a small file) the window is never HEADROOM bytes ahead, and an await per opcode that finds
   * the bytes already there cost most of the walk of a small pickle.
   */
  private holds(pos: number, n: number): boolean {
    return pos >= this.bufStart && pos + n <= this.bufStart + this.buf.length;
  }

  private async ensure(pos: number, n: number): Promise<void> {
    if (this.holds(pos, n)) return;
    const len = Math.min(Math.max(WINDOW, n), this.src.size - pos);
    this.buf = len > 0 ? await this.src.read(pos, len) : Buffer.alloc(0);
    this.bufStart = pos;
    if (this.buf.length < n) throw new PickleError(`unexpected end of data at offset ${pos} (needed ${n} bytes)`, pos, true);
  }

  /** The bytes [pos, pos+n) when the window already holds them (no await on the hot path). */
  private takeFast(pos: number, n: number): Buffer | undefined {
    const rel = pos - this.bufStart;
    if (rel < 0 || rel + n > this.buf.length) return undefined;
    return this.buf.subarray(rel, rel + n);
  }

  /** A newline-terminated argument when the window already holds it. */
  private lineFast(pos: number): { text: Buffer; next: number } | undefined {
    const rel = pos - this.bufStart;
    if (rel < 0 || rel >= this.buf.length) return undefined;
    const nl = this.buf.indexOf(0x0a, rel);
    if (nl < 0) return undefined;
    return { text: this.buf.subarray(rel, nl), next: this.bufStart + nl + 1 };
  }

  /** A small length-prefixed argument when the window holds it whole; undefined sends the caller to the slow path. */
  private lengthPrefixedFast(pos: number, kind: string): { data?: Buffer; n: number; next: number } | undefined {
    const rel = pos - this.bufStart;
    const hdr = kind === 'bytes1' ? 1 : kind === 'bytes8' ? 8 : 4;
    if (rel < 0 || rel + hdr > this.buf.length || kind === 'bytes8') return undefined;
    const n = kind === 'bytes1' ? this.buf[rel] : kind === 'bytes4s' ? this.buf.readInt32LE(rel) : this.buf.readUInt32LE(rel);
    if (n < 0 || n > LARGE_ARG || rel + hdr + n > this.buf.length) return undefined;
    return { data: Buffer.from(this.buf.subarray(rel + hdr, rel + hdr + n)), n, next: pos + hdr + n };
  }

  private async take(pos: number, n: number): Promise<Buffer> {
    await this.ensure(pos, n);
    return this.buf.subarray(pos - this.bufStart, pos - this.bufStart + n);
  }

  private async line(pos: number): Promise<{ text: Buffer; next: number }> {
    await this.ensure(pos, 1);
    let rel = this.buf.indexOf(0x0a, pos - this.bufStart);
    if (rel < 0 && this.bufStart + this.buf.length < this.src.size) {
      const b = await this.src.read(pos, MAX_LINE);
      this.buf = b;
      this.bufStart = pos;
      rel = b.indexOf(0x0a);
    }
    if (rel < 0) throw new PickleError(`unterminated line argument at offset ${pos}`, pos, this.bufStart + this.buf.length >= this.src.size);
    const text = this.buf.subarray(pos - this.bufStart, rel);
    return { text, next: this.bufStart + rel + 1 };
  }

  // ---- recording ----

  private addGlobal(module: string, name: string, offset: number, opcode: string): PValue {
    const mod = normaliseModule(module);
    if (!DOTTED_IDENT.test(mod) || !DOTTED_IDENT.test(name)) {
      // find_class would fail to import such a name, so it cannot run anything; it is still not a valid pickle.
      throw new PickleError(`${opcode} with an invalid name ${JSON.stringify(`${module} ${name}`).slice(0, 80)}`, offset);
    }
    // Each distinct global is recorded once (first occurrence): a stream repeating GLOBAL millions of
    // times must not grow the result without bound.
    const key = `${mod}\u0000${name}`;
    if (!this.seenGlobals.has(key) && this.out.globals.length < MAX_RECORDS) {
      this.seenGlobals.add(key);
      this.out.globals.push({ module: mod, name, offset, opcode, pickle: this.pickleIndex, nested: this.nestedLabel });
    }
    return { t: 'global', module: mod, name };
  }

  private tamper(kind: TamperKind, offset: number, detail: string): void {
    if (this.out.tampering.length < MAX_RECORDS) this.out.tampering.push({ kind, offset, detail, nested: this.nestedLabel });
  }

  /** A nested pickle in `v`, checked synchronously so that ordinary strings cost no await. */
  private nestedIn(v: PValue): NestedPickle | undefined {
    return this.depth >= this.shared.maxNestedDepth ? undefined : findNestedPickle(v);
  }

  private async walkNested(found: NestedPickle, offset: number): Promise<void> {
    const label = `${this.nestedLabel ? `${this.nestedLabel} → ` : ''}${found.encoding} pickle in an argument at offset ${offset}`;
    const inner = await new Walker(bufferSource(found.bytes), {}, this.depth + 1, label, this.shared).run();
    this.merge(inner);
  }

  private merge(inner: PickleScan): void {
    if (inner.opcodes === 0 && inner.globals.length === 0) return;
    this.out.nestedPickles += 1 + inner.nestedPickles;
    this.out.globals.push(...inner.globals.slice(0, Math.max(0, MAX_RECORDS - this.out.globals.length)));
    this.out.tampering.push(...inner.tampering.slice(0, Math.max(0, MAX_RECORDS - this.out.tampering.length)));
    this.out.joblibArrays += inner.joblibArrays;
    if (inner.budget) throw new BudgetError(inner.budget, inner.budgetKind);
  }

  // ---- the machine ----

  private async runPickle(start: number, index: number): Promise<{ end: number; result: PValue | undefined }> {
    let stack: PValue[] = [];
    const marks: PValue[][] = [];
    const memo = new Map<number, PValue>();
    const shared = this.shared;
    let pos = start;
    const pop = (off: number): PValue => {
      const v = stack.pop();
      if (v === undefined) throw new PickleError(`stack underflow at offset ${off}`, off);
      return v;
    };
    const popMark = (off: number): PValue[] => {
      const items = stack;
      const prev = marks.pop();
      if (prev === undefined) throw new PickleError(`no MARK on the stack at offset ${off}`, off);
      stack = prev;
      return items;
    };
    const top = (off: number): PValue => {
      const v = stack[stack.length - 1];
      if (v === undefined) throw new PickleError(`stack underflow at offset ${off}`, off);
      return v;
    };

    try {
      for (;;) {
        if (++shared.ops > shared.maxOps) throw new BudgetError(`stopped after ${shared.maxOps} opcodes (step budget)`, 'steps');
        if ((shared.ops & 0xfff) === 0) {
          if (Date.now() > shared.deadline || shared.signal?.aborted) throw new BudgetError(`stopped at offset ${pos} (time budget)`, 'time');
          // Memory budget: real pickles batch their items (APPENDS/SETITEMS of 1,000), so these stay small.
          if (stack.length > MAX_STACK || marks.length > MAX_STACK || memo.size > MAX_STACK) {
            throw new BudgetError(`stopped at offset ${pos}: emulated stack, marks or memo over ${MAX_STACK} entries (memory budget)`, 'memory');
          }
        }
        const ahead = Math.min(HEADROOM, this.src.size - pos) || 1;
        if (!this.holds(pos, ahead)) await this.ensure(pos, ahead);
        const at = pos;
        const code = this.byteAt(pos);
        const op = OPCODES[code];
        if (op === undefined) throw new PickleError(`invalid opcode 0x${code.toString(16).padStart(2, '0')} at offset ${at}`, at);
        pos++;
        // Numeric cases compile to a jump table: this switch runs once per opcode.
        switch (code) {
          case 0x80: { // PROTO
            const v = ((this.takeFast(pos, 1) ?? (await this.take(pos, 1))))[0];
            pos += 1;
            if (v > HIGHEST_PROTOCOL) throw new PickleError(`unsupported pickle protocol ${v} at offset ${at}`, at);
            this.out.protocol = Math.max(this.out.protocol, v);
            break;
          }
          case 0x95: // FRAME (its length is advisory: opcodes are walked either way)
            if (!this.takeFast(pos, 8)) await this.take(pos, 8);
            pos += 8;
            break;
          case 0x2e: { // STOP
            const result = stack.pop();
            return { end: pos, result };
          }
          case 0x28: // MARK
            marks.push(stack);
            stack = [];
            break;
          case 0x30: // POP
            if (stack.length > 0) stack.pop();
            else popMark(at); // CPython: POP on an empty stack after MARK pops the mark
            break;
          case 0x31: // POP_MARK
            popMark(at);
            break;
          case 0x32: // DUP
            stack.push(top(at));
            break;
          case 0x4e: // NONE
            stack.push({ t: 'none' });
            break;
          case 0x88: // NEWTRUE
          case 0x89: // NEWFALSE
            stack.push({ t: 'bool', v: op.name === 'NEWTRUE' });
            break;
          case 0x49: { // INT
            const { text, next } = (this.lineFast(pos) ?? (await this.line(pos)));
            pos = next;
            const s = text.toString('latin1').trim();
            if (s === '00' || s === '01') stack.push({ t: 'bool', v: s === '01' });
            else stack.push({ t: 'int', v: parseInteger(s, at) });
            break;
          }
          case 0x4c: { // LONG
            const { text, next } = (this.lineFast(pos) ?? (await this.line(pos)));
            pos = next;
            stack.push({ t: 'int', v: parseInteger(text.toString('latin1').trim().replace(/L$/, ''), at) });
            break;
          }
          case 0x46: { // FLOAT
            const { next } = (this.lineFast(pos) ?? (await this.line(pos)));
            pos = next;
            stack.push({ t: 'float' });
            break;
          }
          case 0x4a: // BININT
            stack.push({ t: 'int', v: BigInt(((this.takeFast(pos, 4) ?? (await this.take(pos, 4)))).readInt32LE(0)) });
            pos += 4;
            break;
          case 0x4b: // BININT1
            stack.push({ t: 'int', v: BigInt(((this.takeFast(pos, 1) ?? (await this.take(pos, 1))))[0]) });
            pos += 1;
            break;
          case 0x4d: // BININT2
            stack.push({ t: 'int', v: BigInt(((this.takeFast(pos, 2) ?? (await this.take(pos, 2)))).readUInt16LE(0)) });
            pos += 2;
            break;
          case 0x47: // BINFLOAT
            if (!this.takeFast(pos, 8)) await this.take(pos, 8);
            pos += 8;
            stack.push({ t: 'float' });
            break;
          case 0x8a: // LONG1
          case 0x8b: { // LONG4
            const { data, next } = (this.lengthPrefixedFast(pos, op.arg) ?? (await this.lengthPrefixed(pos, op.arg, at)));
            pos = next;
            stack.push({ t: 'int', v: data ? leSignedBigInt(data) : 0n });
            break;
          }
          case 0x53: { // STRING
            const { text, next } = (this.lineFast(pos) ?? (await this.line(pos)));
            pos = next;
            const v: PValue = { t: 'str', s: decodePyStringLiteral(text.toString('latin1'), at) };
            const nested = this.nestedIn(v);
            if (nested) await this.walkNested(nested, at);
            stack.push(compact(v));
            break;
          }
          case 0x56: { // UNICODE
            const { text, next } = (this.lineFast(pos) ?? (await this.line(pos)));
            pos = next;
            const v: PValue = { t: 'str', s: decodeRawUnicodeEscape(text) };
            const nested = this.nestedIn(v);
            if (nested) await this.walkNested(nested, at);
            stack.push(compact(v));
            break;
          }
          case 0x54: // BINSTRING
          case 0x55: // SHORT_BINSTRING
          case 0x58: // BINUNICODE
          case 0x8c: // SHORT_BINUNICODE
          case 0x8d: { // BINUNICODE8
            const { data, n, next } = (this.lengthPrefixedFast(pos, op.arg) ?? (await this.lengthPrefixed(pos, op.arg, at)));
            pos = next;
            const v: PValue = data ? { t: 'str', s: data.toString(op.name.includes('UNICODE') ? 'utf8' : 'latin1') } : { t: 'bytes', n };
            const nested = this.nestedIn(v);
            if (nested) await this.walkNested(nested, at);
            stack.push(compact(v));
            break;
          }
          case 0x42: // BINBYTES
          case 0x43: // SHORT_BINBYTES
          case 0x8e: // BINBYTES8
          case 0x96: { // BYTEARRAY8
            const { data, n, next } = (this.lengthPrefixedFast(pos, op.arg) ?? (await this.lengthPrefixed(pos, op.arg, at)));
            pos = next;
            const v: PValue = { t: 'bytes', n, b: data };
            const nested = this.nestedIn(v);
            if (nested) await this.walkNested(nested, at);
            stack.push(compact(v));
            break;
          }
          case 0x97: // NEXT_BUFFER
            stack.push({ t: 'buffer' });
            break;
          case 0x98: // READONLY_BUFFER
            top(at);
            break;
          case 0x29: // EMPTY_TUPLE
            stack.push({ t: 'tuple', items: [] });
            break;
          case 0x85: // TUPLE1
          case 0x86: // TUPLE2
          case 0x87: { // TUPLE3
            const n = op.name === 'TUPLE1' ? 1 : op.name === 'TUPLE2' ? 2 : 3;
            if (stack.length < n) throw new PickleError(`stack underflow at offset ${at}`, at);
            stack.push({ t: 'tuple', items: stack.splice(stack.length - n, n) });
            break;
          }
          case 0x74: { // TUPLE
            // popMark replaces `stack`, so it must run before `stack.push` is evaluated.
            const items = popMark(at).slice(0, MAX_ITEMS);
            stack.push({ t: 'tuple', items });
            break;
          }
          case 0x5d: // EMPTY_LIST
            stack.push({ t: 'list', items: [] });
            break;
          case 0x6c: { // LIST
            const items = popMark(at).slice(0, MAX_ITEMS);
            stack.push({ t: 'list', items });
            break;
          }
          case 0x7d: // EMPTY_DICT
            stack.push({ t: 'dict', entries: [] });
            break;
          case 0x64: { // DICT
            const items = popMark(at);
            stack.push({ t: 'dict', entries: pairs(items) });
            break;
          }
          case 0x8f: // EMPTY_SET
            stack.push({ t: 'set', items: [] });
            break;
          case 0x91: { // FROZENSET
            const items = popMark(at).slice(0, MAX_ITEMS);
            stack.push({ t: 'set', items });
            break;
          }
          case 0x61: { // APPEND
            const v = pop(at);
            addItems(top(at), [v]);
            break;
          }
          case 0x65: // APPENDS
          case 0x90: { // ADDITEMS
            const items = popMark(at);
            addItems(top(at), items);
            break;
          }
          case 0x73: { // SETITEM
            const v = pop(at);
            const k = pop(at);
            addEntries(top(at), [[k, v]]);
            break;
          }
          case 0x75: { // SETITEMS
            const items = popMark(at);
            addEntries(top(at), pairs(items));
            break;
          }
          case 0x63: // GLOBAL
          case 0x69: { // INST
            const a = (this.lineFast(pos) ?? (await this.line(pos)));
            const b = (this.lineFast(a.next) ?? (await this.line(a.next)));
            pos = b.next;
            const module = decodeUtf8Strict(a.text, at);
            const name = decodeUtf8Strict(b.text, at);
            const g = this.addGlobal(module, name, at, op.name);
            if (op.name === 'GLOBAL') stack.push(g);
            else {
              const items = popMark(at);
              stack.push({ t: 'obj', fn: g, args: { t: 'tuple', items } });
            }
            break;
          }
          case 0x93: { // STACK_GLOBAL
            const name = pop(at);
            const module = pop(at);
            const m = stringOf(module);
            const n = stringOf(name);
            if (m === undefined || n === undefined) {
              this.tamper('dynamic-global', at, `STACK_GLOBAL on values that are not strings (${module.t}, ${name.t})`);
              stack.push({ t: 'any' });
            } else {
              stack.push(this.addGlobal(m, n, at, op.name));
            }
            break;
          }
          case 0x82: // EXT1
          case 0x83: // EXT2
          case 0x84: { // EXT4
            const n = op.arg === 'u1' ? 1 : op.arg === 'u2' ? 2 : 4;
            const b = this.takeFast(pos, n) ?? (await this.take(pos, n));
            pos += n;
            const code = n === 1 ? b[0] : n === 2 ? b.readUInt16LE(0) : b.readInt32LE(0);
            this.tamper('extension-code', at, `${op.name} ${code} imports a global registered with copyreg.add_extension`);
            stack.push({ t: 'any' });
            break;
          }
          case 0x52: { // REDUCE
            const args = pop(at);
            const fn = pop(at);
            stack.push({ t: 'obj', fn, args });
            break;
          }
          case 0x81: { // NEWOBJ
            const args = pop(at);
            const cls = pop(at);
            stack.push({ t: 'obj', fn: cls, args });
            break;
          }
          case 0x92: { // NEWOBJ_EX
            pop(at);
            const args = pop(at);
            const cls = pop(at);
            stack.push({ t: 'obj', fn: cls, args });
            break;
          }
          case 0x6f: { // OBJ
            const items = popMark(at);
            const cls = items.shift();
            if (cls === undefined) throw new PickleError(`OBJ without a class at offset ${at}`, at);
            stack.push({ t: 'obj', fn: cls, args: { t: 'tuple', items } });
            break;
          }
          case 0x62: { // BUILD
            const state = pop(at);
            const target = top(at);
            this.checkBuild(target, state, at);
            if (target.t === 'obj') target.state = state;
            const layout = joblibArrayLayout(target);
            if (layout) {
              this.out.joblibArrays++;
              pos = await this.skipJoblibArray(pos, layout, at);
            }
            break;
          }
          case 0x50: { // PERSID
            const { next } = (this.lineFast(pos) ?? (await this.line(pos)));
            pos = next;
            stack.push({ t: 'pid' });
            break;
          }
          case 0x51: // BINPERSID
            pop(at);
            stack.push({ t: 'pid' });
            break;
          case 0x70: // PUT
          case 0x71: // BINPUT
          case 0x72: // LONG_BINPUT
          case 0x94: { // MEMOIZE
            let idx: number;
            if (op.name === 'PUT') {
              const { text, next } = (this.lineFast(pos) ?? (await this.line(pos)));
              pos = next;
              idx = Number(parseInteger(text.toString('latin1').trim(), at));
            } else if (op.name === 'BINPUT') {
              idx = ((this.takeFast(pos, 1) ?? (await this.take(pos, 1))))[0];
              pos += 1;
            } else if (op.name === 'LONG_BINPUT') {
              idx = ((this.takeFast(pos, 4) ?? (await this.take(pos, 4)))).readUInt32LE(0);
              pos += 4;
            } else {
              idx = memo.size;
            }
            memo.set(idx, top(at));
            break;
          }
          case 0x67: // GET
          case 0x68: // BINGET
          case 0x6a: { // LONG_BINGET
            let idx: number;
            if (op.name === 'GET') {
              const { text, next } = (this.lineFast(pos) ?? (await this.line(pos)));
              pos = next;
              idx = Number(parseInteger(text.toString('latin1').trim(), at));
            } else if (op.name === 'BINGET') {
              idx = ((this.takeFast(pos, 1) ?? (await this.take(pos, 1))))[0];
              pos += 1;
            } else {
              idx = ((this.takeFast(pos, 4) ?? (await this.take(pos, 4)))).readUInt32LE(0);
              pos += 4;
            }
            const v = memo.get(idx);
            if (v === undefined) throw new PickleError(`memo key ${idx} not found at offset ${at}`, at);
            stack.push(v);
            break;
          }
          default:
            throw new PickleError(`opcode ${op.name} not handled at offset ${at}`, at);
        }
        void index;
      }
    } catch (e) {
      // The innermost walker that stopped records where, so the import scan can go on from there;
      // a budget raised by a nested pickle (another buffer) keeps the outer offset.
      if (e instanceof BudgetError && e.offset === undefined) {
        e.offset = pos;
        e.memoStrings = new Map();
        for (const [k, v] of memo) e.memoStrings.set(k, v.t === 'str' ? v.s : undefined);
        const s = (v: PValue | undefined) => (v?.t === 'str' ? v.s : undefined);
        e.lastTwo = [s(stack[stack.length - 2]), s(stack[stack.length - 1])];
      }
      throw e;
    }
  }

  /**
   * Decodes the opcodes from `from` to the end of the pickle data without emulating the stack, and
   * records every import: GLOBAL and INST carry their names inline; STACK_GLOBAL takes the last two
   * string pushes (memoised strings included). Linear time, constant memory (the memo is capped).
   * STACK_GLOBAL on operands this cheap tracking cannot name is reported as a dynamic global.
   */
  private async importScan(from: number, memo: Map<number, string | undefined>, lastTwo: [string | undefined, string | undefined]): Promise<void> {
    const size = this.src.size;
    const scan: NonNullable<PickleScan['importScan']> = { from, scannedTo: from, complete: false, opcodes: 0, globals: 0 };
    this.out.importScan = scan;
    const before = this.out.globals.length;
    let [a, b] = lastTwo;
    const push = (v: string | undefined) => {
      a = b;
      b = v;
    };
    let pos = from;
    let afterStop = false;
    try {
      while (pos < size) {
        if (++scan.opcodes > IMPORT_SCAN_OPS) {
          scan.stopped = `import scan stopped after ${IMPORT_SCAN_OPS} opcodes at offset ${pos}`;
          break;
        }
        if ((scan.opcodes & 0xffff) === 0 && (Date.now() > this.shared.deadline || this.shared.signal?.aborted)) {
          scan.stopped = `import scan stopped at offset ${pos} (time budget)`;
          break;
        }
        const ahead = Math.min(HEADROOM, size - pos) || 1;
        if (!this.holds(pos, ahead)) await this.ensure(pos, ahead);
        const at = pos;
        const code = this.byteAt(pos);
        const op = OPCODES[code];
        if (op === undefined || (afterStop && code === 0x80 && (this.byteAt(pos + 1) < 2 || this.byteAt(pos + 1) > HIGHEST_PROTOCOL))) {
          // After a STOP this is trailing data (the walker stops there too); inside a pickle the unpickler fails here.
          if (!afterStop) scan.stopped = `invalid opcode 0x${code.toString(16).padStart(2, '0')} at offset ${at}`;
          break;
        }
        afterStop = false;
        pos++;
        switch (op.arg) {
          case 'none':
            if (code === 0x2e) {
              // STOP: a following pickle starts with an empty memo.
              afterStop = true;
              memo.clear();
              push(undefined);
              push(undefined);
            } else if (code === 0x94) {
              if (memo.size < MAX_STACK) memo.set(memo.size, b);
            } else if (code === 0x93) {
              if (a !== undefined && b !== undefined) {
                try {
                  this.addGlobal(a, b, at, 'STACK_GLOBAL');
                } catch {
                  /* a name find_class cannot import */
                }
              } else {
                this.tamper('dynamic-global', at, 'STACK_GLOBAL after the walk budget, on operands the import scan could not name');
              }
              push(undefined);
            } else push(undefined);
            break;
          case 'u1':
          case 'u2':
          case 'i4':
          case 'u4':
          case 'u8':
          case 'f8': {
            const n = op.arg === 'u1' ? 1 : op.arg === 'u2' ? 2 : op.arg === 'u8' || op.arg === 'f8' ? 8 : 4;
            const arg = this.takeFast(pos, n) ?? (await this.take(pos, n));
            pos += n;
            if (code === 0x71 || code === 0x72) {
              if (memo.size < MAX_STACK) memo.set(code === 0x71 ? arg[0] : arg.readUInt32LE(0), b);
            } else if (code === 0x68 || code === 0x6a) push(memo.get(code === 0x68 ? arg[0] : arg.readUInt32LE(0)));
            else if (code !== 0x80 && code !== 0x95) push(undefined); // PROTO and FRAME push nothing
            break;
          }
          case 'line': {
            const { text, next } = this.lineFast(pos) ?? (await this.line(pos));
            pos = next;
            if (code === 0x70 || code === 0x67) {
              const idx = Number.parseInt(text.toString('latin1').trim(), 10);
              if (code === 0x70) {
                if (memo.size < MAX_STACK) memo.set(idx, b);
              } else push(memo.get(idx));
            } else if (code === 0x53 || code === 0x56) {
              push(text.length <= KEEP_MAX ? (code === 0x53 ? safeLiteral(text.toString('latin1'), at) : decodeRawUnicodeEscape(text)) : undefined);
            } else push(undefined);
            break;
          }
          case 'line2': {
            const m = this.lineFast(pos) ?? (await this.line(pos));
            const n = this.lineFast(m.next) ?? (await this.line(m.next));
            pos = n.next;
            try {
              this.addGlobal(decodeUtf8Strict(m.text, at), decodeUtf8Strict(n.text, at), at, op.name);
            } catch {
              /* not importable */
            }
            push(undefined);
            break;
          }
          default: {
            const { data, next } = this.lengthPrefixedFast(pos, op.arg) ?? (await this.lengthPrefixed(pos, op.arg, at));
            pos = next;
            const textual = op.name.includes('STRING') || op.name.includes('UNICODE') || op.name.includes('BYTES');
            push(textual && data && data.length <= KEEP_MAX ? data.toString(op.name.includes('UNICODE') ? 'utf8' : 'latin1') : undefined);
          }
        }
      }
      if (scan.stopped === undefined) scan.complete = true;
    } catch (e) {
      if (!(e instanceof PickleError)) throw e;
      scan.stopped = e.message;
    }
    scan.scannedTo = Math.min(pos, size);
    scan.globals = this.out.globals.length - before;
  }

  /** Reads a length-prefixed argument; arguments over `maxArgBytes` are skipped, not kept. */
  private async lengthPrefixed(pos: number, kind: string, at: number): Promise<{ data?: Buffer; n: number; next: number }> {
    let n: number;
    let p = pos;
    if (kind === 'bytes1') {
      n = (await this.take(p, 1))[0];
      p += 1;
    } else if (kind === 'bytes4' || kind === 'bytes4s') {
      const b = await this.take(p, 4);
      n = kind === 'bytes4s' ? b.readInt32LE(0) : b.readUInt32LE(0);
      p += 4;
    } else {
      const big = (await this.take(p, 8)).readBigUInt64LE(0);
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new PickleError(`argument length ${big} out of range at offset ${at}`, at);
      n = Number(big);
      p += 8;
    }
    if (n < 0) throw new PickleError(`negative argument length at offset ${at}`, at);
    if (p + n > this.src.size) throw new PickleError(`argument of ${n} bytes runs past the end of the data at offset ${at}`, at, true);
    if (n > this.shared.maxArgBytes) return { n, next: p + n };
    // Large arguments are mostly raw array data: read them only when they could hold a nested pickle.
    if (n > LARGE_ARG && !mayHoldPickle(await this.take(p, 16))) return { n, next: p + n };
    const data = Buffer.from(await this.take(p, n));
    return { data, n, next: p + n };
  }

  private checkBuild(target: PValue, state: PValue, at: number): void {
    if (target.t === 'global') {
      this.tamper('build-on-global', at, `BUILD sets attributes on ${target.module}.${target.name}${describeKeys(state)}`);
    }
    for (const key of stateKeys(state)) {
      if (DUNDER.test(key)) this.tamper('dunder-attribute', at, `BUILD sets the attribute ${key}${target.t === 'global' ? ` on ${target.module}.${target.name}` : ''}`);
    }
  }

  /** joblib writes an array's raw bytes (or a nested pickle for object arrays) right after the wrapper's BUILD. */
  private async skipJoblibArray(pos: number, layout: NonNullable<ReturnType<typeof joblibArrayLayout>>, at: number): Promise<number> {
    if (layout.hasObject) {
      const label = `${this.nestedLabel ? `${this.nestedLabel} → ` : ''}joblib object array at offset ${pos}`;
      const inner = new Walker(this.src, {}, this.depth, label, this.shared);
      inner.pickleIndex = this.pickleIndex;
      const r = await inner.runPickle(pos, this.pickleIndex).catch((e: unknown) => {
        this.merge(inner.out);
        throw e;
      });
      this.merge(inner.out);
      return r.end;
    }
    if (layout.bytes === undefined) throw new PickleError(`joblib array with a dtype this walker cannot size at offset ${at}`, at);
    let p = pos;
    if (layout.aligned) {
      const pad = (await this.take(p, 1))[0];
      p += 1 + pad;
    }
    p += layout.bytes;
    if (p > this.src.size) throw new PickleError(`joblib array data runs past the end of the file (offset ${at})`, at, true);
    return p;
  }
}

function pairs(items: PValue[]): [PValue, PValue][] {
  const out: [PValue, PValue][] = [];
  for (let i = 0; i + 1 < items.length && out.length < MAX_ITEMS; i += 2) out.push([items[i], items[i + 1]]);
  return out;
}

function addItems(target: PValue, items: PValue[]): void {
  if ((target.t === 'list' || target.t === 'set') && target.items.length < MAX_ITEMS) target.items.push(...items.slice(0, MAX_ITEMS - target.items.length));
}

function addEntries(target: PValue, entries: [PValue, PValue][]): void {
  if (target.t === 'dict' && target.entries.length < MAX_ITEMS) target.entries.push(...entries.slice(0, MAX_ITEMS - target.entries.length));
}

/** String value of a str (or bytes) operand, as STACK_GLOBAL would see it. */
function stringOf(v: PValue): string | undefined {
  if (v.t === 'str') return v.s;
  if (v.t === 'bytes' && v.b) return v.b.toString('utf8');
  return undefined;
}

/** Attribute names a BUILD state would set: a dict, or a (dict, slot dict) tuple. */
function stateKeys(state: PValue): string[] {
  const keys: string[] = [];
  const fromDict = (d: PValue | undefined) => {
    if (d?.t === 'dict') for (const [k] of d.entries) if (k.t === 'str') keys.push(k.s);
  };
  fromDict(state);
  if (state.t === 'tuple' && state.items.length === 2) {
    fromDict(state.items[0]);
    fromDict(state.items[1]);
  }
  return keys;
}

function describeKeys(state: PValue): string {
  const keys = stateKeys(state);
  return keys.length > 0 ? ` (${keys.slice(0, 8).join(', ')})` : '';
}

/** Parses a decimal integer: a number when it is exact, a bigint beyond 2^53. */
function parseInteger(s: string, at: number): number | bigint {
  if (s.length > 0 && s.length < 16) {
    let v = 0;
    let i = s[0] === '-' || s[0] === '+' ? 1 : 0;
    if (i < s.length) {
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        v = v * 10 + c;
      }
      if (i === s.length) return s[0] === '-' ? -v : v;
    }
  }
  if (!/^[+-]?\d+$/.test(s)) throw new PickleError(`invalid integer ${JSON.stringify(s.slice(0, 40))} at offset ${at}`, at);
  return BigInt(s);
}

function leSignedBigInt(b: Buffer): bigint {
  if (b.length === 0) return 0n;
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  if (b[b.length - 1] & 0x80) v -= 1n << BigInt(8 * b.length);
  return v;
}

function decodeUtf8Strict(b: Buffer, at: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    throw new PickleError(`GLOBAL argument is not valid UTF-8 at offset ${at}`, at);
  }
}

/** A STRING literal for the import scan: undefined instead of an error when it is not quoted. */
function safeLiteral(s: string, at: number): string | undefined {
  try {
    return decodePyStringLiteral(s, at);
  } catch {
    return undefined;
  }
}

/** Decodes the `raw-unicode-escape` text of a protocol-0 UNICODE opcode. */
function decodeRawUnicodeEscape(b: Buffer): string {
  const s = b.toString('latin1');
  if (!s.includes('\\')) return s;
  return s.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_, u4: string | undefined, u8: string | undefined) =>
    String.fromCodePoint(Math.min(parseInt(u4 ?? u8 ?? '0', 16), 0x10ffff)),
  );
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

/** Decodes the quoted Python literal of a protocol-0 STRING opcode. */
function decodePyStringLiteral(s: string, at: number): string {
  const t = s.trimEnd();
  const q = t[0];
  if ((q !== "'" && q !== '"') || t.length < 2 || t[t.length - 1] !== q) throw new PickleError(`STRING argument is not quoted at offset ${at}`, at);
  const body = t.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.|\n)/g, (_, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    return SIMPLE_ESCAPES[e] ?? `\\${e}`;
  });
}
