/**
 * Recognises image archives by content, not by file name: a tar whose top level holds
 * `manifest.json`, `oci-layout` or `repositories`, or a directory with `oci-layout` + `index.json`.
 *
 * The tar check walks only the 512-byte headers and seeks over entry data, so deciding that a
 * 10 GB dataset tar is not an image costs a few reads. tar-stream cannot seek (it streams every
 * byte), which is why this small header walk exists; the real parsing is tar-stream's.
 */
import { lstat, open } from 'node:fs/promises';
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

export type ArchiveKind = 'image' | 'gzip-tar' | 'other';

/** Whether a file is an (uncompressed) image tar; `gzip-tar` for a gzip file (maybe a compressed image). */
export async function sniffImageArchive(file: string): Promise<ArchiveKind> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const block = Buffer.alloc(512);
    const first = await fh.read(block, 0, 512, 0);
    if (first.bytesRead >= 2 && block[0] === 0x1f && block[1] === 0x8b) return 'gzip-tar';
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
    return found.has('repositories') ? 'image' : 'other';
  } finally {
    await fh.close();
  }
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
