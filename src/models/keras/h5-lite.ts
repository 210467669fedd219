/**
 * A small, bounded reader of the few HDF5 structures a Keras `.h5` file keeps its metadata in: the
 * root group's attributes (`model_config`, `keras_version`, `backend`, `training_config`) and the
 * names of its links. It covers the layout h5py writes by default (superblock version 0 or 1,
 * version-1 object headers, attributes in the header, strings fixed-length or variable-length in the
 * global heap, the root group as a symbol table or compact links) and nothing else: any other layout,
 * any value it would have to interpret differently from HDF5, and any inconsistency make it return
 * `undefined`, and the caller asks HDF5 itself (h5wasm, in a budgeted worker: h5.ts).
 *
 * Why: starting h5wasm costs a worker thread and 4 MB of JavaScript (~0.3 s of CPU), far more than
 * the few hundred bytes read here (issue 15). Nothing is executed; every read is bounds-checked
 * against the buffer, every address is visited once, and the work is counted.
 *
 * Format reference: HDF5 File Format Specification version 3.0 (sections II.A superblock, III.A.1 and
 * III.A.2 B-trees and symbol tables, III.D local heap, III.E global heap, IV.A.1.a object header v1,
 * IV.A.2 header messages).
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { H5StoppedError, type H5KerasAttrs } from './h5.js';

/** Thrown inside the reader for any layout it does not cover; the caller falls back to HDF5. */
class Unsupported extends Error {}

const UNDEF = -1;
/** Header messages, B-tree nodes, symbols and heap objects looked at, all together. */
const MAX_WORK = 200_000;
const MAX_KEYS = 50;
const WANTED = new Map<string, keyof Omit<H5KerasAttrs, 'keys'>>([
  ['model_config', 'modelConfig'],
  ['keras_version', 'kerasVersion'],
  ['backend', 'backend'],
  ['training_config', 'trainingConfig'],
]);

/**
 * The Keras attributes and top-level link names of an HDF5 file, read without HDF5; `undefined`
 * when the file is not in the layout covered here (then HDF5 must read it). Throws H5StoppedError
 * (kind `loop`) for a file HDF5 would loop on.
 */
export function readH5KerasAttrsLite(buf: Uint8Array): H5KerasAttrs | undefined {
  try {
    return new Reader(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)).read();
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError) return undefined;
    throw e;
  }
}

interface Attribute {
  name: string;
  elements: number;
  vlen: boolean;
  /** Size of one element in the file: the fixed length, or 16 for a variable-length string's heap id. */
  size: number;
  /** 0 ASCII, 1 UTF-8. */
  charset: number;
  data: number;
  end: number;
}

interface Message {
  type: number;
  flags: number;
  at: number;
  size: number;
}

class Reader {
  private work = 0;
  private readonly seen = new Set<number>();
  private eoa: number;
  private leafK = 0;
  private internalK = 0;

  constructor(private readonly b: Buffer) {
    this.eoa = b.length;
  }

  read(): H5KerasAttrs {
    const b = this.b;
    if (b.length < 96 || b.readUInt32LE(0) !== 0x46444889 || b.readUInt32LE(4) !== 0x0a1a0a0d) throw new Unsupported('no superblock at 0');
    const version = b[8];
    // Free-space, root symbol table entry and shared-header versions 0; offsets and lengths of 8 bytes.
    if ((version !== 0 && version !== 1) || b[9] !== 0 || b[10] !== 0 || b[12] !== 0 || b[13] !== 8 || b[14] !== 8) throw new Unsupported('superblock');
    if (b.readUInt16LE(16) === 0 || b.readUInt16LE(18) === 0 || b.readUInt32LE(20) !== 0) throw new Unsupported('group K or consistency flags');
    let p = version === 0 ? 24 : 28;
    const base = this.addr(p);
    const freeSpace = this.addr(p + 8);
    const eof = this.addr(p + 16);
    const driver = this.addr(p + 24);
    // HDF5 refuses a file shorter than the end-of-file address it records.
    if (base !== 0 || freeSpace !== UNDEF || driver !== UNDEF || eof === UNDEF || eof > b.length) throw new Unsupported('superblock addresses');
    // HDF5 reads nothing past the end-of-file address; B-tree and symbol nodes have the sizes K gives.
    this.eoa = eof;
    this.leafK = b.readUInt16LE(16);
    this.internalK = b.readUInt16LE(18);
    p += 32;
    // The root's symbol table entry; a cached symbol table (cache type 1) must agree with the header.
    const cache = b.readUInt32LE(p + 16);
    if (cache > 1) throw new Unsupported('root cache type');
    const msgs = this.headerMessages(this.addr(p + 8));
    const table = msgs.find((m) => m.type === 0x11);
    if (cache === 1 && (!table || !b.subarray(p + 24, p + 40).equals(b.subarray(table.at, table.at + 16)))) throw new Unsupported('root symbol table cache');
    const attrs: H5KerasAttrs = { keys: this.linkNames(msgs) };
    const names = new Set<string>();
    // HDF5 lists no attribute at all when one of them does not decode: every one is checked.
    for (const m of msgs) {
      if (m.type === 0x15) throw new Unsupported('attribute info (dense or ordered attributes)');
      if (m.type !== 0x0c) continue;
      const a = this.attribute(m);
      if (names.has(a.name)) throw new Unsupported('duplicate attribute');
      names.add(a.name);
      const value = this.stringValue(a);
      const key = WANTED.get(a.name);
      if (key) attrs[key] = value;
    }
    return attrs;
  }

  private step(n = 1): void {
    this.work += n;
    if (this.work > MAX_WORK) throw new Unsupported('work budget');
  }

  /** An 8-byte address or length; UNDEF for the undefined address; beyond 2^53 is unsupported. */
  private addr(at: number): number {
    const v = this.b.readBigUInt64LE(at);
    if (v === 0xffffffffffffffffn) return UNDEF;
    if (v > BigInt(this.eoa)) throw new Unsupported('address past the end of the file');
    return Number(v);
  }

  /** Marks a structure's address as read; a second visit means a cycle. */
  private once(at: number): void {
    if (this.seen.has(at)) throw new Unsupported('structure referenced twice');
    this.seen.add(at);
  }

  private sig(at: number, s: string): void {
    if (this.b.toString('latin1', at, at + 4) !== s) throw new Unsupported(`expected ${s}`);
  }

  /** The messages of a version-1 object header and its continuation blocks. */
  private headerMessages(at: number): Message[] {
    const b = this.b;
    if (at === UNDEF) throw new Unsupported('no root object header');
    this.once(at);
    if (b[at] !== 1) throw new Unsupported('object header version');
    const chunks: Array<[number, number]> = [[at + 16, b.readUInt32LE(at + 8)]];
    const out: Message[] = [];
    let count = 0;
    for (let i = 0; i < chunks.length; i++) {
      const [start, len] = chunks[i];
      const end = start + len;
      if (end > this.eoa) throw new Unsupported('header chunk past the end');
      let p = start;
      while (p + 8 <= end) {
        this.step();
        const m = { type: b.readUInt16LE(p), size: b.readUInt16LE(p + 2), flags: b[p + 4], at: p + 8 };
        // Known message types only, unshared, 8-byte aligned (version 1), inside the chunk.
        if (m.type > 0x18 || m.flags > 1 || m.size % 8 !== 0 || m.at + m.size > end) throw new Unsupported('header message');
        count++;
        if (m.type === 0x10) {
          const cAt = this.addr(m.at);
          const cLen = this.addr(m.at + 8);
          if (cAt === UNDEF || cLen === UNDEF) throw new Unsupported('continuation');
          this.once(cAt);
          chunks.push([cAt, cLen]);
        } else if (m.type !== 0) out.push(m);
        p = m.at + m.size;
      }
      if (p !== end) throw new Unsupported('header chunk not filled by its messages');
    }
    if (count !== b.readUInt16LE(at + 2)) throw new Unsupported('header message count');
    return out;
  }

  /** Names of the root group's links, sorted by their bytes (HDF5's name index), the first MAX_KEYS. */
  private linkNames(msgs: Message[]): string[] {
    const b = this.b;
    const names: Buffer[] = [];
    const table = msgs.find((m) => m.type === 0x11);
    const info = msgs.find((m) => m.type === 0x02);
    if (info && this.addr(info.at + 2 + (b[info.at + 1] & 1 ? 8 : 0)) !== UNDEF) throw new Unsupported('dense link storage');
    if (!table && !info) throw new Unsupported('the root object is not a group');
    if (table) {
      if (info || msgs.some((m) => m.type === 0x06)) throw new Unsupported('symbol table and link messages');
      const heap = this.localHeap(this.addr(table.at + 8));
      this.btreeNames(this.addr(table.at), heap, names, 0);
    } else {
      for (const m of msgs.filter((x) => x.type === 0x06)) names.push(this.linkMessageName(m));
    }
    names.sort(Buffer.compare);
    return names.slice(0, MAX_KEYS).map((n) => this.decode(n, 1));
  }

  private localHeap(at: number): { start: number; end: number } {
    const b = this.b;
    if (at === UNDEF) throw new Unsupported('no local heap');
    this.sig(at, 'HEAP');
    if (b[at + 4] !== 0) throw new Unsupported('local heap version');
    const size = this.addr(at + 8);
    const start = this.addr(at + 24);
    if (size === UNDEF || start === UNDEF || start + size > this.eoa) throw new Unsupported('local heap bounds');
    // The free list, checked as HDF5 loads it: blocks inside the heap, ending with offset 1.
    let free = b.readBigUInt64LE(at + 16);
    for (let n = 0; free !== 1n; n++) {
      this.step();
      if (free >= BigInt(size) || n > size / 16) throw new Unsupported('local heap free list');
      const off = start + Number(free);
      const next = b.readBigUInt64LE(off);
      if (next === 0n || free + b.readBigUInt64LE(off + 8) > BigInt(size)) throw new Unsupported('local heap free block');
      free = next;
    }
    return { start, end: start + size };
  }

  private heapString(heap: { start: number; end: number }, offset: number): Buffer {
    const at = heap.start + offset;
    if (offset === UNDEF || at >= heap.end) throw new Unsupported('name outside the local heap');
    const nul = this.b.indexOf(0, at);
    if (nul < 0 || nul >= heap.end) throw new Unsupported('unterminated name');
    return this.b.subarray(at, nul);
  }

  /** In-order walk of a version-1 group B-tree down to its symbol table nodes. */
  private btreeNames(at: number, heap: { start: number; end: number }, out: Buffer[], depth: number): void {
    const b = this.b;
    if (at === UNDEF) return;
    if (depth > 32) throw new Unsupported('B-tree too deep');
    this.once(at);
    if (b.toString('latin1', at, at + 4) === 'SNOD') {
      if (depth === 0) throw new Unsupported('symbol node without a B-tree');
      const n = b.readUInt16LE(at + 6);
      if (b[at + 4] !== 1 || n > 2 * this.leafK || at + 8 + 2 * this.leafK * 40 > this.eoa) throw new Unsupported('symbol node');
      this.step(n + 1);
      for (let i = 0; i < n; i++) {
        // HDF5 decodes every entry: an unknown cache type fails the whole listing.
        if (b.readUInt32LE(at + 8 + i * 40 + 16) > 2) throw new Unsupported('symbol cache type');
        out.push(this.heapString(heap, this.addr(at + 8 + i * 40)));
      }
      return;
    }
    this.sig(at, 'TREE');
    if (b[at + 4] !== 0) throw new Unsupported('not a group B-tree');
    const level = b[at + 5];
    const used = b.readUInt16LE(at + 6);
    if (used > 2 * this.internalK || at + 24 + (4 * this.internalK + 1) * 8 > this.eoa) throw new Unsupported('B-tree node size');
    this.step(used + 1);
    for (let i = 0; i < used; i++) {
      const child = this.addr(at + 24 + 8 + i * 16);
      if (child === UNDEF) throw new Unsupported('B-tree child');
      if (level > 0 && b.toString('latin1', child, child + 4) !== 'TREE') throw new Unsupported('B-tree level');
      if (level === 0 && b.toString('latin1', child, child + 4) !== 'SNOD') throw new Unsupported('B-tree leaf');
      this.btreeNames(child, heap, out, depth + 1);
    }
  }

  /** The name of a link message (version 1). */
  private linkMessageName(m: Message): Buffer {
    const b = this.b;
    if (b[m.at] !== 1) throw new Unsupported('link message version');
    const flags = b[m.at + 1];
    let p = m.at + 2 + (flags & 0x08 ? 1 : 0) + (flags & 0x04 ? 8 : 0) + (flags & 0x10 ? 1 : 0);
    const width = 1 << (flags & 3);
    if (width > 4) throw new Unsupported('link name length');
    const len = b.readUIntLE(p, width);
    p += width;
    if (len === 0 || p + len > m.at + m.size) throw new Unsupported('link name bounds');
    return b.subarray(p, p + len);
  }

  private attribute(m: Message): Attribute {
    const b = this.b;
    const v = b[m.at];
    const nameSize = b.readUInt16LE(m.at + 2);
    const dtSize = b.readUInt16LE(m.at + 4);
    const dsSize = b.readUInt16LE(m.at + 6);
    const pad = (n: number) => (v === 1 ? (n + 7) & ~7 : n);
    // Version 1 has a reserved byte there; versions 2 and 3 flags (shared datatype or dataspace).
    if ((v !== 1 && v !== 2 && v !== 3) || b[m.at + 1] !== 0) throw new Unsupported('attribute version or flags');
    const nameAt = m.at + (v === 3 ? 9 : 8);
    const dt = nameAt + pad(nameSize);
    const ds = dt + pad(dtSize);
    const data = ds + pad(dsSize);
    const end = m.at + m.size;
    if (nameSize < 2 || data > end || b.indexOf(0, nameAt) !== nameAt + nameSize - 1) throw new Unsupported('attribute name or bounds');
    const a: Attribute = { name: b.toString('latin1', nameAt, nameAt + nameSize - 1), elements: this.elements(ds, dsSize), vlen: false, size: 0, charset: 0, data, end };
    this.datatype(a, dt, dtSize);
    if (a.elements * a.size > end - data) throw new Unsupported('attribute data bounds');
    return a;
  }

  /** String datatypes only: fixed-length (null-terminated or null-padded) and variable-length strings. */
  private datatype(a: Attribute, at: number, size: number): void {
    const b = this.b;
    const head = b[at];
    const bits = b.readUIntLE(at + 1, 3);
    a.size = b.readUInt32LE(at + 4);
    if (head === 0x13 && size === 8 && (bits & ~0xff) === 0 && (bits & 0x0f) <= 1 && bits >> 4 <= 1 && a.size > 0) {
      a.charset = bits >> 4;
      return;
    }
    // The base type of a variable-length string: one unsigned byte, 8 bits at offset 0.
    const base = b.toString('hex', at + 8, at + 20);
    if (head === 0x19 && size === 20 && (bits & 0x0f) === 1 && ((bits >> 4) & 0x0f) <= 2 && bits >> 8 <= 1 && a.size === 16 && base === '100000000100000000000800') {
      a.vlen = true;
      a.charset = bits >> 8;
      return;
    }
    throw new Unsupported('not a string attribute');
  }

  /**
   * The value of a string attribute as h5wasm gives it: its first element. HDF5 reads every element
   * of a variable-length attribute, so every one must be found in the heap.
   */
  private stringValue(a: Attribute): string {
    const b = this.b;
    if (!a.vlen) return this.decode(b.subarray(a.data, a.data + a.size), a.charset);
    if (a.elements > 4096) throw new Unsupported('too many elements');
    let first: Buffer | undefined;
    for (let i = 0; i < a.elements; i++) {
      const p = a.data + i * 16;
      const len = b.readUInt32LE(p);
      const bytes = len === 0 ? Buffer.alloc(0) : this.globalHeapObject(this.addr(p + 4), b.readUInt32LE(p + 12), len);
      first ??= bytes;
    }
    return this.decode(first ?? Buffer.alloc(0), a.charset);
  }

  /** Number of elements of a dataspace message (versions 1 and 2): at least one; null dataspaces, permutations, unsupported. */
  private elements(at: number, size: number): number {
    const b = this.b;
    const v = b[at];
    const rank = b[at + 1];
    const flags = b[at + 2];
    const dims = at + (v === 1 ? 8 : 4);
    if ((v !== 1 && v !== 2) || flags > 1 || rank > 32 || size !== dims - at + rank * 8 * (1 + flags)) throw new Unsupported('dataspace');
    if (v === 2 && b[at + 3] !== (rank === 0 ? 0 : 1)) throw new Unsupported('dataspace type');
    let n = 1;
    for (let i = 0; i < rank; i++) {
      const d = b.readBigUInt64LE(dims + i * 8);
      const max = flags ? b.readBigUInt64LE(dims + (rank + i) * 8) : d;
      if (d > 0xffffffffn || (max < d && max !== 0xffffffffffffffffn)) throw new Unsupported('dataspace dimension');
      n *= Number(d);
    }
    if (n < 1 || n > 1 << 30) throw new Unsupported('dataspace size');
    return n;
  }

  /**
   * `len` bytes of object `index` of the global heap collection at `at`. The whole collection is
   * checked the way HDF5 loads it (objects end to end, the free space running exactly to its end):
   * HDF5 loops on a collection whose free space does not reach its end (H5StoppedError `loop`); other
   * inconsistencies go to the budgeted worker.
   */
  private globalHeapObject(at: number, index: number, len: number): Buffer {
    if (at === UNDEF || index === 0) throw new Unsupported('global heap id');
    const obj = this.collection(at).get(index);
    if (!obj) throw new Unsupported('global heap object not found');
    // HDF5 copies the whole heap object into a buffer sized by the length: they must agree.
    if (len !== obj[1]) throw new Unsupported('string length differs from its heap object');
    return this.b.subarray(obj[0], obj[0] + len);
  }

  private readonly collections = new Map<number, Map<number, [number, number]>>();

  private collection(at: number): Map<number, [number, number]> {
    const known = this.collections.get(at);
    if (known) return known;
    const b = this.b;
    this.sig(at, 'GCOL');
    if (b[at + 4] !== 1) throw new Unsupported('global heap version');
    const size = this.addr(at + 8);
    const end = at + size;
    if (size === UNDEF || size < 4096 || end > this.eoa) throw new Unsupported('global heap bounds');
    const objects = new Map<number, [number, number]>();
    let p = at + 16;
    while (p + 16 <= end) {
      this.step();
      const id = b.readUInt16LE(p);
      const n = this.addr(p + 8);
      if (id === 0) {
        // Free space: its size counts its own header and reaches the end of the collection.
        // HDF5 loops on it (a one-byte corruption of an h5py file is enough): not handed to HDF5, whose worker
        // would run until its wall-clock guard, with an outcome that depends on the machine's load.
        if (p + n !== end) throw new H5StoppedError(`HDF5 analysis stopped before HDF5 ran: the free space of the global heap collection at ${at} does not reach its end (HDF5 loops on such a collection)`, 'loop');
        p = end;
        break;
      }
      if (n === UNDEF || objects.has(id) || p + 16 + n > end) throw new Unsupported('global heap object');
      objects.set(id, [p + 16, n]);
      p += 16 + ((n + 7) & ~7);
    }
    if (p > end) throw new Unsupported('global heap overrun');
    this.collections.set(at, objects);
    return objects;
  }

  /** Text cut at the first NUL; ASCII must be 7-bit and UTF-8 valid, else HDF5's own decoding decides. */
  private decode(bytes: Buffer, charset: number): string {
    const nul = bytes.indexOf(0);
    const s = nul >= 0 ? bytes.subarray(0, nul) : bytes;
    // Decoders differ on a leading byte-order mark (stripped or kept).
    if (s[0] === 0xef && s[1] === 0xbb && s[2] === 0xbf) throw new Unsupported('byte-order mark');
    // h5wasm decodes ASCII as windows-1252 or byte by byte, and invalid UTF-8 in two ways: only text
    // on which every decoder agrees is read here.
    if (charset === 0 ? !isAscii(s) : charset !== 1 || !isUtf8(s)) throw new Unsupported('text not plain ASCII or valid UTF-8');
    return s.toString('utf8');
  }
}
