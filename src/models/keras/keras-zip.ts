/**
 * Reads `config.json` (and `metadata.json`) out of a `.keras` archive: the central directory is
 * located through the end-of-central-directory record and only the named members are inflated, with
 * an output cap, through random access. Deliberately minimal: the tolerant zip reader of the pickle
 * scanners handles hostile archives in general; this only needs two small JSON members.
 */
import { inflateRawSync } from 'node:zlib';
import type { WindowReader } from '../io/window-reader.js';

export const MAX_CONFIG_BYTES = 32 << 20;

export class KerasZipError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export async function listZip(r: WindowReader): Promise<ZipEntry[]> {
  const tailLen = Math.min(r.size, 65_557);
  const tail = await r.read(r.size - tailLen, tailLen);
  const eocd = tail.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1'));
  if (eocd < 0 || eocd + 22 > tail.length) throw new KerasZipError('no end-of-central-directory record');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) throw new KerasZipError('zip64 archives are not read by the Keras config reader');
  if (cdOffset + cdSize > r.size) throw new KerasZipError(`central directory (${cdSize} bytes at ${cdOffset}) is outside the file`);
  const cd = await r.read(cdOffset, cdSize);
  const out: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count && p + 46 <= cd.length; i++) {
    if (cd.readUInt32LE(p) !== 0x02014b50) throw new KerasZipError(`bad central directory entry ${i}`);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    out.push({
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
      name: cd.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export async function readZipMember(r: WindowReader, e: ZipEntry): Promise<Buffer> {
  const lh = await r.read(e.localHeaderOffset, 30);
  if (lh.readUInt32LE(0) !== 0x04034b50) throw new KerasZipError(`bad local header for ${e.name}`);
  const start = e.localHeaderOffset + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
  if (e.compressedSize > MAX_CONFIG_BYTES) throw new KerasZipError(`${e.name} is ${e.compressedSize} bytes compressed, over the ${MAX_CONFIG_BYTES}-byte limit`);
  const data = await r.read(start, e.compressedSize);
  if (e.method === 0) return Buffer.from(data);
  if (e.method === 8) {
    try {
      return inflateRawSync(data, { maxOutputLength: MAX_CONFIG_BYTES });
    } catch (err) {
      throw new KerasZipError(`cannot inflate ${e.name}: ${(err as Error).message}`);
    }
  }
  throw new KerasZipError(`${e.name} uses unsupported compression method ${e.method}`);
}
