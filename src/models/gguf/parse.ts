/**
 * GGUF header reader (spec: ggml/docs/gguf.md). No maintained pure-JS GGUF parser validates lengths
 * against the file size and reads through random access, so this is a small one: every declared
 * length and count is checked against the bytes that remain before anything is read or allocated,
 * and the file is read through a WindowReader (a 10 GB model costs a few window reads).
 */
import { OutOfBoundsError, type WindowReader } from '../io/window-reader.js';

export type GgufValue = number | bigint | boolean | string | { arrayOf: string; length: number; sample?: (number | bigint | boolean | string)[] };

export interface GgufDoc {
  version: number;
  tensorCount: bigint;
  kvCount: bigint;
  metadata: Map<string, GgufValue>;
  /** Every chat template: `tokenizer.chat_template` and `tokenizer.chat_template.<name>`. */
  templates: { key: string; template: string }[];
  tensorsParsed: number;
  /** Structural problems (declared lengths beyond the file, bad types …). Parsing stops at the first fatal one. */
  anomalies: string[];
}

const TYPE_NAMES = ['uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'bool', 'string', 'array', 'uint64', 'int64', 'float64'];
const FIXED_SIZE: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const T_STRING = 8;
const T_ARRAY = 9;
/** Longest string value we keep (chat templates are a few KiB; anything larger is kept truncated). */
const MAX_KEPT_STRING = 1 << 20;
const MAX_KEY = 65_535;
/** Largest string array accepted (real vocabularies are below 1M tokens). */
const MAX_STRING_ARRAY = 1 << 24;
const WINDOW = 1 << 20;

class GgufError extends Error {}

export async function parseGguf(r: WindowReader, shouldStop: (units?: number) => boolean = () => false): Promise<GgufDoc> {
  const doc: GgufDoc = { version: 0, tensorCount: 0n, kvCount: 0n, metadata: new Map(), templates: [], tensorsParsed: 0, anomalies: [] };
  let pos = 0;
  const remaining = () => r.size - pos;
  const u32 = async () => {
    const v = (await r.read(pos, 4)).readUInt32LE(0);
    pos += 4;
    return v;
  };
  const u64 = async () => {
    const v = (await r.read(pos, 8)).readBigUInt64LE(0);
    pos += 8;
    return v;
  };
  // v1 used 32-bit lengths and counts; v2+ 64-bit.
  const len = async () => (doc.version === 1 ? BigInt(await u32()) : await u64());
  const checkedLength = async (what: string, elemSize: number): Promise<number> => {
    const n = await len();
    if (n * BigInt(elemSize) > BigInt(remaining())) throw new GgufError(`${what} declares ${n} ${elemSize === 1 ? 'bytes' : 'elements'} at offset ${pos} but only ${remaining()} bytes remain`);
    return Number(n);
  };
  const str = async (what: string, keep: number): Promise<string> => {
    const n = await checkedLength(what, 1);
    const s = (await r.read(pos, Math.min(n, keep))).toString('utf8');
    pos += n;
    return s;
  };
  // Walks `count` strings of an array synchronously inside each window read (vocabularies hold
  // hundreds of thousands of tokens: one await per token would dominate the scan).
  const skipStrings = async (count: number, sample: (number | bigint | boolean | string)[]): Promise<void> => {
    const lenSize = doc.version === 1 ? 4 : 8;
    let i = 0;
    while (i < count) {
      if (shouldStop()) throw new GgufError('work or time budget exhausted inside an array');
      const buf = await r.read(pos, Math.min(WINDOW, r.size - pos));
      let p = 0;
      while (i < count && p + lenSize <= buf.length) {
        const n = lenSize === 4 ? BigInt(buf.readUInt32LE(p)) : buf.readBigUInt64LE(p);
        if (n > BigInt(r.size - pos - p - lenSize)) throw new GgufError(`string ${i} of an array declares ${n} bytes at offset ${pos + p} but only ${r.size - pos - p - lenSize} remain`);
        const len = Number(n);
        if (p + lenSize + len > buf.length) {
          if (p > 0) break; // continue from this string in the next window
          p += lenSize + len; // a string longer than the window: step over it
          i++;
          break;
        }
        if (i < 8) sample.push(buf.toString('utf8', p + lenSize, p + lenSize + Math.min(len, 256)));
        p += lenSize + len;
        i++;
      }
      if (p === 0) throw new GgufError(`truncated string array at offset ${pos}`);
      pos += p;
    }
  };
  const scalar = async (type: number, keep: number, depth: number): Promise<GgufValue> => {
    if (type === T_STRING) return str('string value', keep);
    if (type === T_ARRAY) {
      if (depth > 3) throw new GgufError('arrays nested deeper than 3');
      const elemType = await u32();
      if (!(elemType in FIXED_SIZE) && elemType !== T_STRING && elemType !== T_ARRAY) throw new GgufError(`unknown array element type ${elemType} at offset ${pos - 4}`);
      const minSize = FIXED_SIZE[elemType] ?? (doc.version === 1 ? 4 : 8);
      const count = await checkedLength('array', minSize);
      const sample: (number | bigint | boolean | string)[] = [];
      if (elemType in FIXED_SIZE) {
        for (let i = 0; i < Math.min(count, 8); i++) sample.push((await scalar(elemType, 256, depth + 1)) as number);
        pos += (count - Math.min(count, 8)) * FIXED_SIZE[elemType];
      } else if (elemType === T_STRING) {
        if (count > MAX_STRING_ARRAY) throw new GgufError(`string array declares ${count} elements, more than any real vocabulary (limit ${MAX_STRING_ARRAY})`);
        await skipStrings(count, sample);
      } else {
        for (let i = 0; i < count; i++) {
          if ((i & 0xfff) === 0 && shouldStop(0x1000)) throw new GgufError('work or time budget exhausted inside an array');
          const v = await scalar(elemType, 256, depth + 1);
          if (i < 8 && typeof v !== 'object') sample.push(v);
        }
      }
      return { arrayOf: TYPE_NAMES[elemType] ?? String(elemType), length: count, sample };
    }
    const size = FIXED_SIZE[type];
    if (size === undefined) throw new GgufError(`unknown value type ${type} at offset ${pos - 4}`);
    const b = await r.read(pos, size);
    pos += size;
    switch (type) {
      case 0: return b.readUInt8(0);
      case 1: return b.readInt8(0);
      case 2: return b.readUInt16LE(0);
      case 3: return b.readInt16LE(0);
      case 4: return b.readUInt32LE(0);
      case 5: return b.readInt32LE(0);
      case 6: return b.readFloatLE(0);
      case 7: return b[0] !== 0;
      case 10: return b.readBigUInt64LE(0);
      case 11: return b.readBigInt64LE(0);
      default: return b.readDoubleLE(0);
    }
  };

  try {
    if ((await r.read(0, 4)).toString('latin1') !== 'GGUF') throw new GgufError('missing GGUF magic');
    pos = 4;
    doc.version = await u32();
    if (doc.version < 1 || doc.version > 3) doc.anomalies.push(`unexpected GGUF version ${doc.version}`);
    doc.tensorCount = await len();
    doc.kvCount = await len();
    // Each key/value needs at least a length, a type and one byte; each tensor info at least 24 bytes.
    if (doc.kvCount * 13n > BigInt(remaining())) throw new GgufError(`header declares ${doc.kvCount} metadata entries, more than the ${r.size}-byte file can hold`);
    if (doc.tensorCount * 24n > BigInt(remaining())) doc.anomalies.push(`header declares ${doc.tensorCount} tensors, more than the ${r.size}-byte file can hold`);
    for (let i = 0n; i < doc.kvCount; i++) {
      if (shouldStop()) throw new GgufError('work or time budget exhausted while reading metadata');
      const key = await str('metadata key', MAX_KEY);
      const type = await u32();
      const isTemplate = key === 'tokenizer.chat_template' || key.startsWith('tokenizer.chat_template.');
      const value = await scalar(type, isTemplate ? MAX_KEPT_STRING : 512, 0);
      if (doc.metadata.has(key)) doc.anomalies.push(`duplicate metadata key ${JSON.stringify(key)}`);
      doc.metadata.set(key, value);
      if (isTemplate && typeof value === 'string') doc.templates.push({ key, template: value });
    }
    const alignment = doc.metadata.get('general.alignment');
    const align = typeof alignment === 'number' && alignment > 0 ? alignment : 32;
    if (doc.tensorCount * 24n <= BigInt(remaining())) {
      const infos: { name: string; offset: bigint }[] = [];
      for (let i = 0n; i < doc.tensorCount; i++) {
        if (shouldStop()) throw new GgufError('work or time budget exhausted while reading tensor infos');
        const name = await str('tensor name', 1024);
        const nDims = await u32();
        if (nDims > 8) throw new GgufError(`tensor ${JSON.stringify(name)} declares ${nDims} dimensions`);
        for (let d = 0; d < nDims; d++) await len();
        await u32(); // ggml type
        const offset = await u64();
        infos.push({ name, offset });
        doc.tensorsParsed++;
      }
      const dataStart = Math.ceil(pos / align) * align;
      for (const t of infos) {
        if (BigInt(dataStart) + t.offset > BigInt(r.size)) {
          doc.anomalies.push(`tensor ${JSON.stringify(t.name)} data offset ${t.offset} is beyond the end of the file`);
          break;
        }
      }
    }
  } catch (e) {
    if (e instanceof GgufError) doc.anomalies.push(e.message);
    else if (e instanceof OutOfBoundsError) doc.anomalies.push(`truncated: ${e.message}`);
    else throw e;
  }
  return doc;
}

/** A metadata value as a short display string. */
export function ggufValueString(v: GgufValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'object') return `${v.arrayOf}[${v.length}]`;
  return String(v);
}
