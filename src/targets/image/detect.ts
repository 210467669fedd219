/**
 * Recognises image archives by content, not by file name: a tar whose top level holds
 * `manifest.json`, `oci-layout` or `repositories`, or a directory with `oci-layout` + `index.json`.
 *
 * The tar check walks only the 512-byte headers and seeks over entry data, so deciding that a
 * 10 GB dataset tar is not an image costs a few reads. tar-stream cannot seek (it streams every
 * byte), which is why this small header walk exists; the real parsing is tar-stream's.
 */
import { lstat, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

const MARKERS = new Set(['manifest.json', 'oci-layout', 'repositories', 'index.json']);
const MAX_HEADERS = 100_000;

export async function isImageLayoutDir(dir: string): Promise<boolean> {
  try {
    const [a, b] = await Promise.all([lstat(path.join(dir, 'oci-layout')), lstat(path.join(dir, 'index.json'))]);
    return a.isFile() && b.isFile();
  } catch {
    return false;
  }
}

/** `tar`: a valid tar archive that is not a container image (its members are not read). */
export type ArchiveKind = 'image' | 'gzip-image' | 'tar' | 'other';

/** First entry names that only image archives have (blobs by digest, legacy `<id>/` directories, metadata). */
const IMAGE_FIRST_ENTRY = /^(?:\.\/)?(?:blobs\/?|blobs\/sha256\/?(?:[0-9a-f]{64})?|[0-9a-f]{64}(?:\.json|\/|\/(?:VERSION|json|layer\.tar))?|manifest\.json|oci-layout|index\.json|repositories)$/;

/** Whether a file is an (uncompressed) image tar, or a gzip-compressed one (`docker save | gzip`). */
export async function sniffImageArchive(file: string): Promise<ArchiveKind> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const block = Buffer.alloc(512);
    const first = await fh.read(block, 0, 512, 0);
    if (first.bytesRead >= 2 && block[0] === 0x1f && block[1] === 0x8b) return (await gzipLooksLikeImage(fh)) ? 'gzip-image' : 'other';
    const found = new Set<string>();
    let offset = 0;
    for (let n = 0; n < MAX_HEADERS && offset + 512 <= size; n++) {
      const { bytesRead } = await fh.read(block, 0, 512, offset);
      if (bytesRead < 512 || block.every((b) => b === 0)) break;
      if (!validChecksum(block)) return 'other';
      const name = cString(block, 0, 100).replace(/^\.\//, '');
      const prefix = block.subarray(257, 262).toString('latin1') === 'ustar' ? cString(block, 345, 155) : '';
      const full = prefix ? `${prefix}/${name}` : name;
      if (MARKERS.has(full)) found.add(full);
      if (found.has('manifest.json') || found.has('oci-layout') || (found.has('repositories') && n > 0)) return 'image';
      const entrySize = parseSize(block.subarray(124, 136));
      if (entrySize < 0) return 'other';
      offset += 512 + Math.ceil(entrySize / 512) * 512;
    }
    return found.has('repositories') ? 'image' : offset > 0 ? 'tar' : 'other';
  } finally {
    await fh.close();
  }
}

/** Decompresses the first few KB of a gzip file and checks whether its first tar entry is an image's. */
async function gzipLooksLikeImage(fh: FileHandle): Promise<boolean> {
  const buf = Buffer.alloc(64 * 1024);
  const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
  let plain: Buffer;
  // node:zlib loads here, for a gzip file only: it costs ~7 ms of every start-up otherwise.
  const { constants, gunzipSync } = await import('node:zlib');
  try {
    // Z_SYNC_FLUSH: give back what decompresses from a prefix instead of failing on the cut.
    plain = gunzipSync(buf.subarray(0, bytesRead), { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return false;
  }
  if (plain.length < 512 || !validChecksum(plain.subarray(0, 512))) return false;
  return IMAGE_FIRST_ENTRY.test(cString(plain, 0, 100));
}

function cString(buf: Buffer, start: number, len: number): string {
  const slice = buf.subarray(start, start + len);
  const nul = slice.indexOf(0);
  return (nul < 0 ? slice : slice.subarray(0, nul)).toString('utf8');
}

/** Octal size, or GNU base-256 when the high bit is set; -1 when unreadable. */
function parseSize(field: Buffer): number {
  if (field[0] & 0x80) {
    let v = 0;
    for (let i = 1; i < field.length; i++) v = v * 256 + field[i];
    return Number.isSafeInteger(v) ? v : -1;
  }
  const s = cString(field, 0, field.length).trim();
  if (!/^[0-7]*$/.test(s)) return -1;
  return s ? parseInt(s, 8) : 0;
}

/** The header checksum: sum of all bytes with the checksum field read as spaces. */
function validChecksum(block: Buffer): boolean {
  const stored = parseInt(cString(block, 148, 8).trim() || 'x', 8);
  if (Number.isNaN(stored)) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  return sum === stored;
}
