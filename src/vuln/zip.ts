/**
 * A minimal reader for the zip files OSV publishes (`all.zip` per ecosystem). Node has inflate but no
 * zip container reader, and the only needs here are: list the central directory, inflate stored or
 * deflated members with bounded sizes. Hostile archives are expected: every offset is bounds-checked,
 * sizes are capped before inflating (zip bombs) and inflate is told the maximum output length.
 */
import { inflateRawSync } from 'node:zlib';

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

export interface ZipLimits {
  /** Largest single member after inflating. */
  maxEntrySize: number;
  /** Largest sum of inflated members. */
  maxTotalSize: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntrySize: 16 * 1024 * 1024, maxTotalSize: 4 * 1024 * 1024 * 1024, maxEntries: 2_000_000 };

export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && (buf.readUInt32LE(0) === LOC_SIG || buf.readUInt32LE(0) === EOCD_SIG);
}

/** Lists the members of a zip held in memory (ZIP64 archives are rejected with a clear error). */
export function listZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  // End of central directory: 22 bytes + comment (≤ 65535) at the end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not a zip file or truncated (no end-of-central-directory record)');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
  if (count > limits.maxEntries) throw new ZipError(`too many members (${count})`);
  if (cdOffset + cdSize > buf.length) throw new ZipError('central directory lies outside the file (truncated zip)');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN_SIG) throw new ZipError(`corrupt central directory at entry ${i}`);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > buf.length) throw new ZipError(`corrupt central directory at entry ${i}`);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({ name, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Inflates one member; throws ZipError on corruption, unsupported methods or sizes over the limit. */
export function readZipEntry(buf: Buffer, entry: ZipEntry, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Buffer {
  if (entry.size > limits.maxEntrySize) throw new ZipError(`${entry.name}: member of ${entry.size} bytes is over the limit of ${limits.maxEntrySize}`);
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOC_SIG) throw new ZipError(`${entry.name}: bad local header`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipError(`${entry.name}: data lies outside the file (truncated zip)`);
  const data = buf.subarray(start, end);
  let out: Buffer;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: limits.maxEntrySize });
    } catch (e) {
      throw new ZipError(`${entry.name}: cannot inflate (${(e as Error).message})`);
    }
  } else throw new ZipError(`${entry.name}: unsupported compression method ${entry.method}`);
  if (out.length !== entry.size) throw new ZipError(`${entry.name}: size mismatch (${out.length} bytes, header says ${entry.size})`);
  return out;
}
