/**
 * safetensors header validation (format: 8-byte little-endian header size, a JSON header, then the
 * tensor bytes). The format cannot run code, but a header that lies about sizes is how parser bugs
 * in loaders are reached, and it is a sign of a hand-crafted file. We read only the header.
 */
import type { WindowReader } from '../io/window-reader.js';

export interface SafetensorsAnomaly {
  severity: 'low' | 'info';
  message: string;
}

export interface SafetensorsDoc {
  headerSize: number;
  tensorCount: number;
  dtypes: Record<string, number>;
  metadata: Record<string, string>;
  anomalies: SafetensorsAnomaly[];
  /** True when the header could not be read at all (the rest of the fields are empty). */
  unreadable: boolean;
}

/** Bits per element. */
const DTYPE_BITS: Record<string, number> = {
  BOOL: 8, U8: 8, I8: 8, F8_E5M2: 8, F8_E4M3: 8, F8_E8M0: 8, I16: 16, U16: 16, F16: 16, BF16: 16,
  I32: 32, U32: 32, F32: 32, F64: 64, I64: 64, U64: 64, F4: 4, F6_E2M3: 6, F6_E3M2: 6, C64: 64,
};

/** The Rust reference implementation refuses headers above 100 MB. */
const MAX_HEADER = 100_000_000;

export async function parseSafetensors(r: WindowReader): Promise<SafetensorsDoc> {
  const doc: SafetensorsDoc = { headerSize: 0, tensorCount: 0, dtypes: {}, metadata: {}, anomalies: [], unreadable: true };
  const low = (message: string) => doc.anomalies.push({ severity: 'low', message });
  const info = (message: string) => doc.anomalies.push({ severity: 'info', message });
  if (r.size < 8) {
    low(`file is ${r.size} bytes, too short for a safetensors header`);
    return doc;
  }
  const n = (await r.read(0, 8)).readBigUInt64LE(0);
  if (n > BigInt(r.size - 8)) {
    low(`declared header size ${n} exceeds the file size (${r.size} bytes)`);
    return doc;
  }
  if (n > BigInt(MAX_HEADER)) {
    low(`declared header size ${n} is above the 100 MB limit of the reference loader`);
    return doc;
  }
  doc.headerSize = Number(n);
  let header: unknown;
  try {
    header = JSON.parse((await r.read(8, doc.headerSize)).toString('utf8'));
  } catch (e) {
    low(`header is not valid JSON: ${(e as Error).message}`);
    return doc;
  }
  if (!header || typeof header !== 'object' || Array.isArray(header)) {
    low('header is not a JSON object');
    return doc;
  }
  doc.unreadable = false;
  const dataSize = r.size - 8 - doc.headerSize;
  const spans: { name: string; begin: number; end: number }[] = [];
  for (const [name, value] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        low('__metadata__ is not an object of strings');
        continue;
      }
      for (const [k, v] of Object.entries(value)) {
        if (typeof v !== 'string') low(`__metadata__.${k} is not a string (the format allows only string values)`);
        else if (Object.keys(doc.metadata).length < 128) doc.metadata[k] = v.length > 512 ? `${v.slice(0, 512)}…` : v;
      }
      continue;
    }
    const t = value as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (!t || typeof t !== 'object') {
      low(`tensor ${JSON.stringify(name)} is not an object`);
      continue;
    }
    doc.tensorCount++;
    const dtype = typeof t.dtype === 'string' ? t.dtype : '';
    const bits = DTYPE_BITS[dtype];
    if (bits === undefined) {
      low(`tensor ${JSON.stringify(name)} has unknown dtype ${JSON.stringify(t.dtype)}`);
      continue;
    }
    doc.dtypes[dtype] = (doc.dtypes[dtype] ?? 0) + 1;
    const shape = t.shape;
    const offsets = t.data_offsets;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
      low(`tensor ${JSON.stringify(name)} has an invalid shape ${JSON.stringify(shape)}`);
      continue;
    }
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((d) => Number.isSafeInteger(d) && d >= 0) || offsets[0] > offsets[1]) {
      low(`tensor ${JSON.stringify(name)} has invalid data_offsets ${JSON.stringify(offsets)}`);
      continue;
    }
    const elements = shape.reduce((a: bigint, d: number) => a * BigInt(d), 1n);
    const expected = (elements * BigInt(bits) + 7n) / 8n;
    const span = BigInt(offsets[1] - offsets[0]);
    if (span !== expected) low(`tensor ${JSON.stringify(name)}: ${dtype} × ${JSON.stringify(shape)} needs ${expected} bytes but data_offsets span ${span}`);
    if (offsets[1] > dataSize) low(`tensor ${JSON.stringify(name)} ends at ${offsets[1]}, beyond the ${dataSize} bytes of data`);
    spans.push({ name, begin: offsets[0], end: offsets[1] });
  }
  spans.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let cursor = 0;
  for (const s of spans) {
    if (s.begin < cursor) low(`tensor ${JSON.stringify(s.name)} overlaps the previous tensor (starts at ${s.begin}, previous ends at ${cursor})`);
    else if (s.begin > cursor) low(`gap of ${s.begin - cursor} unaccounted bytes before tensor ${JSON.stringify(s.name)}`);
    cursor = Math.max(cursor, s.end);
  }
  if (cursor < dataSize) low(`${dataSize - cursor} trailing bytes after the last tensor are not described by the header`);
  const fmt = doc.metadata.format;
  if (fmt !== undefined && !['pt', 'tf', 'flax', 'np', 'mlx', 'paddle'].includes(fmt)) info(`__metadata__.format is ${JSON.stringify(fmt)}, not a known framework`);
  return doc;
}
