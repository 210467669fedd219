/**
 * Minimal header readers for the inventory: GGUF key/value metadata and the safetensors JSON
 * header. Only what a model card can use (architecture, name, license, quantization, chat template
 * present, tensor count, dtypes). No library reads these formats from JS without loading weights,
 * so this is a bounded reader: it never reads past READ_LIMIT and stops at the first inconsistency.
 * (The model-scanning area has deeper parsers; the lead can point this at theirs when merged.)
 */
import type { ScanFile } from '../core/analyzer.js';

const READ_LIMIT = 16 * 1024 * 1024;
const MAX_KV = 4096;

const GGUF_FILE_TYPES: Record<number, string> = {
  0: 'F32', 1: 'F16', 2: 'Q4_0', 3: 'Q4_1', 7: 'Q8_0', 8: 'Q5_0', 9: 'Q5_1', 10: 'Q2_K', 11: 'Q3_K_S', 12: 'Q3_K_M',
  13: 'Q3_K_L', 14: 'Q4_K_S', 15: 'Q4_K_M', 16: 'Q5_K_S', 17: 'Q5_K_M', 18: 'Q6_K', 19: 'IQ2_XXS', 20: 'IQ2_XS',
  21: 'Q2_K_S', 22: 'IQ3_XS', 23: 'IQ3_XXS', 24: 'IQ1_S', 25: 'IQ4_NL', 26: 'IQ3_S', 27: 'IQ3_M', 28: 'IQ2_S',
  29: 'IQ2_M', 30: 'IQ4_XS', 31: 'IQ1_M', 32: 'BF16',
};

const WANTED = new Set(['general.architecture', 'general.name', 'general.license', 'general.basename', 'general.size_label', 'general.file_type', 'general.quantization_version', 'general.organization']);

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  need(n: number): void {
    if (this.pos + n > this.buf.length) throw new RangeError('truncated');
  }
  u32(): number {
    this.need(4);
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  u64(): number {
    this.need(8);
    const v = this.buf.readBigUInt64LE(this.pos);
    this.pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('length out of range');
    return Number(v);
  }
  str(): string {
    const n = this.u64();
    this.need(n);
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }
}

const SCALAR_SIZE: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };

function readValue(r: Reader, type: number, keep: boolean): unknown {
  if (type === 8) return r.str();
  if (type === 9) {
    const inner = r.u32();
    const n = r.u64();
    if (inner === 8) for (let i = 0; i < n; i++) r.str();
    else if (SCALAR_SIZE[inner] !== undefined) r.skip(SCALAR_SIZE[inner] * n);
    else throw new RangeError(`unsupported array type ${inner}`);
    return undefined;
  }
  const size = SCALAR_SIZE[type];
  if (size === undefined) throw new RangeError(`unknown value type ${type}`);
  if (!keep) {
    r.skip(size);
    return undefined;
  }
  r.need(size);
  const b = r.buf;
  const p = r.pos;
  r.pos += size;
  switch (type) {
    case 0: return b.readUInt8(p);
    case 1: return b.readInt8(p);
    case 2: return b.readUInt16LE(p);
    case 3: return b.readInt16LE(p);
    case 4: return b.readUInt32LE(p);
    case 5: return b.readInt32LE(p);
    case 6: return b.readFloatLE(p);
    case 7: return b[p] !== 0;
    case 12: return b.readDoubleLE(p);
    default: return Number(b.readBigInt64LE(p));
  }
}

/** GGUF v2/v3 metadata: architecture, name, license, quantization, chat template present, tensor count. */
export async function readGgufMetadata(file: ScanFile): Promise<Record<string, unknown>> {
  const buf = await file.readAt(0, Math.min(file.size, READ_LIMIT));
  const r = new Reader(buf);
  if (buf.toString('latin1', 0, 4) !== 'GGUF') throw new RangeError('bad magic');
  r.skip(4);
  const version = r.u32();
  if (version < 2 || version > 3) return { ggufVersion: version };
  const tensorCount = r.u64();
  const kvCount = r.u64();
  const out: Record<string, unknown> = { ggufVersion: version, tensorCount };
  try {
    for (let i = 0; i < Math.min(kvCount, MAX_KV); i++) {
      const key = r.str();
      const type = r.u32();
      if (key === 'tokenizer.chat_template' && type === 8) {
        out.chatTemplate = true;
        out.chatTemplateLength = r.str().length;
        continue;
      }
      const v = readValue(r, type, WANTED.has(key));
      if (v === undefined) continue;
      if (key === 'general.file_type' && typeof v === 'number') out.quantization = GGUF_FILE_TYPES[v] ?? `file_type ${v}`;
      else if (key === 'general.architecture') out.architecture = v;
      else if (key === 'general.license') out.license = v;
      else if (key === 'general.name') out.name = v;
      else if (key === 'general.size_label') out.sizeLabel = v;
      else if (key === 'general.organization') out.organization = v;
    }
  } catch {
    out.metadataTruncated = true;
  }
  out.chatTemplate ??= false;
  return out;
}

/** safetensors JSON header: tensor count, dtypes, parameter count, `__metadata__` (e.g. format=pt). */
export async function readSafetensorsMetadata(file: ScanFile): Promise<Record<string, unknown>> {
  const lenBuf = await file.readAt(0, 8);
  const len = Number(lenBuf.readBigUInt64LE(0));
  if (len > READ_LIMIT || len + 8 > file.size) throw new RangeError(`header length ${len} out of range`);
  const header = JSON.parse((await file.readAt(8, len)).toString('utf8')) as Record<string, unknown>;
  if (!header || typeof header !== 'object' || Array.isArray(header)) throw new RangeError('header is not an object');
  const dtypes = new Set<string>();
  let tensors = 0;
  let params = 0;
  for (const [k, v] of Object.entries(header)) {
    if (k === '__metadata__' || !v || typeof v !== 'object') continue;
    const t = v as { dtype?: unknown; shape?: unknown };
    tensors++;
    if (typeof t.dtype === 'string') dtypes.add(t.dtype);
    if (Array.isArray(t.shape)) params += t.shape.reduce((a: number, b: unknown) => a * (typeof b === 'number' ? b : 0), 1);
  }
  const meta = header.__metadata__;
  return {
    tensorCount: tensors,
    dtypes: [...dtypes].sort(),
    parameters: params,
    safetensorsMetadata: meta && typeof meta === 'object' ? meta : undefined,
  };
}
