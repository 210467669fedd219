/**
 * A tolerant zip reader written for model scanning.
 *
 * Why not a library: strict readers are exactly what attackers bypass. picklescan used Python's
 * zipfile and was beaten by a member without a pickle extension (CVE-2025-1889), by a local file
 * header whose name differs from the central directory (CVE-2025-1944) and by flag bits that make
 * zipfile refuse a member that PyTorch still loads (CVE-2025-1945). A scanner must read what the
 * *most permissive* loader would read, so this reader:
 * - reads the central directory (what torch/miniz and Python use) AND walks the local headers
 *   (what streaming readers use), reports every disagreement, and scans both views;
 * - reports odd flag bits, encrypted members, CRC errors and zip64 as anomalies and keeps going;
 * - never inflates more than a caller-given cap (zip bombs) and reads members lazily through
 *   `ByteSource`, so a 2 GiB checkpoint costs a few small reads.
 */
import { createInflateRaw, crc32, inflateRawSync, constants as zc } from 'node:zlib';
import type { ByteSource } from '../io/byte-source.js';
import { bufferSource, sliceSource } from '../io/byte-source.js';

export interface ZipEntry {
  /** Name from the central directory (or the local header when the entry is only local). */
  name: string;
  /** Name in the local header when it differs. */
  localName?: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header. */
  headerOffset: number;
  /** Offset of the member data (after the local header). */
  dataOffset: number;
  /** Where the entry was seen. */
  seenIn: 'both' | 'central' | 'local';
  /** Unix mode from the central directory's external attributes (when made on Unix). */
  unixMode?: number;
}

export interface ZipAnomaly {
  member?: string;
  kind: 'name-mismatch' | 'local-only' | 'central-only' | 'flags' | 'encrypted' | 'crc' | 'zip64' | 'method' | 'size-mismatch' | 'structure';
  message: string;
}

export interface ZipListing {
  entries: ZipEntry[];
  anomalies: ZipAnomaly[];
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_DESCRIPTOR = 0x08074b50;
/** Flag bits that ordinary writers set: encryption, deflate options, data descriptor, UTF-8 names. */
const USUAL_FLAGS = 0x0001 | 0x0002 | 0x0004 | 0x0008 | 0x0800;
const FLAG_NAMES: Record<number, string> = {
  0x0010: 'enhanced deflate',
  0x0020: 'compressed patched data',
  0x0040: 'strong encryption',
  0x2000: 'masked central directory',
};
const MAX_ENTRIES = 100_000;

export async function listZip(src: ByteSource): Promise<ZipListing> {
  const anomalies: ZipAnomaly[] = [];
  const central = await readCentralDirectory(src, anomalies);
  const byOffset = new Map<number, CentralEntry>();
  for (const e of central) byOffset.set(e.headerOffset, e);
  const local = await walkLocalHeaders(src, byOffset, anomalies);

  const entries: ZipEntry[] = [];
  const localByOffset = new Map(local.map((l) => [l.headerOffset, l]));
  for (const c of central) {
    const l = localByOffset.get(c.headerOffset) ?? (await readLocalAt(src, c.headerOffset));
    if (!l) {
      anomalies.push({ member: c.name, kind: 'central-only', message: `central directory entry ${c.name} has no valid local header at offset ${c.headerOffset}` });
      continue;
    }
    const entry: ZipEntry = { ...c, dataOffset: l.dataOffset, seenIn: 'both' };
    if (l.name !== c.name) {
      entry.localName = l.name;
      anomalies.push({ member: c.name, kind: 'name-mismatch', message: `local header names the member ${JSON.stringify(l.name)} but the central directory says ${JSON.stringify(c.name)} (CVE-2025-1944 pattern)` });
    }
    if (l.flags !== c.flags) anomalies.push({ member: c.name, kind: 'flags', message: `flags differ: local 0x${l.flags.toString(16)}, central 0x${c.flags.toString(16)}` });
    if (l.method !== c.method) anomalies.push({ member: c.name, kind: 'method', message: `compression method differs: local ${l.method}, central ${c.method}` });
    if (!(l.flags & 0x8) && (l.compressedSize !== c.compressedSize || l.size !== c.size) && l.compressedSize !== 0xffffffff) {
      anomalies.push({ member: c.name, kind: 'size-mismatch', message: `sizes differ between local header (${l.compressedSize}/${l.size}) and central directory (${c.compressedSize}/${c.size})` });
    }
    entries.push(entry);
  }
  for (const l of local) {
    if (byOffset.has(l.headerOffset)) continue;
    if (central.length > 0) anomalies.push({ member: l.name, kind: 'local-only', message: `member ${l.name} has a local header but no central directory entry (hidden from most readers)` });
    entries.push({ ...l, seenIn: central.length > 0 ? 'local' : 'both' });
  }
  for (const e of entries) flagAnomalies(e, anomalies);
  return { entries, anomalies };
}

function flagAnomalies(e: ZipEntry, anomalies: ZipAnomaly[]): void {
  if (e.flags & 0x1) anomalies.push({ member: e.name, kind: 'encrypted', message: `member ${e.name} is marked encrypted (flag bit 0x1)` });
  const odd = e.flags & ~USUAL_FLAGS & 0xffff;
  if (odd) {
    const names = Object.entries(FLAG_NAMES)
      .filter(([bit]) => odd & Number(bit))
      .map(([, n]) => n);
    anomalies.push({ member: e.name, kind: 'flags', message: `member ${e.name} sets unusual flag bits 0x${odd.toString(16)}${names.length ? ` (${names.join(', ')})` : ''}, which strict readers reject but others ignore (CVE-2025-1945 pattern)` });
  }
  if (e.method !== 0 && e.method !== 8) anomalies.push({ member: e.name, kind: 'method', message: `member ${e.name} uses compression method ${e.method}, which this scanner cannot read` });
}

type CentralEntry = Omit<ZipEntry, 'dataOffset' | 'seenIn' | 'localName'>;
const MADE_BY_UNIX = 3;

async function readCentralDirectory(src: ByteSource, anomalies: ZipAnomaly[]): Promise<CentralEntry[]> {
  const tailLen = Math.min(src.size, 0xffff + 22);
  const tail = await src.read(src.size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    anomalies.push({ kind: 'structure', message: 'no end-of-central-directory record: members were found by walking local headers' });
    return [];
  }
  const eocdAbs = src.size - tailLen + eocd;
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocdAbs >= 20 ? await src.read(eocdAbs - 20, 20) : Buffer.alloc(0);
    if (loc.length === 20 && loc.readUInt32LE(0) === SIG_ZIP64_LOCATOR) {
      const z64 = Number(loc.readBigUInt64LE(8));
      const rec = await src.read(z64, 56);
      if (rec.length === 56 && rec.readUInt32LE(0) === SIG_ZIP64_EOCD) {
        anomalies.push({ kind: 'zip64', message: 'zip64 archive (sizes or offsets beyond 4 GiB fields)' });
        count = Number(rec.readBigUInt64LE(32));
        cdSize = Number(rec.readBigUInt64LE(40));
        cdOffset = Number(rec.readBigUInt64LE(48));
      }
    }
  }
  if (cdOffset + cdSize > src.size || cdSize > 256 * 1024 * 1024) {
    anomalies.push({ kind: 'structure', message: `central directory (offset ${cdOffset}, ${cdSize} bytes) lies outside the file` });
    return [];
  }
  const cd = await src.read(cdOffset, cdSize);
  const out: CentralEntry[] = [];
  let p = 0;
  while (p + 46 <= cd.length && out.length < MAX_ENTRIES) {
    if (cd.readUInt32LE(p) !== SIG_CENTRAL) {
      anomalies.push({ kind: 'structure', message: `central directory entry ${out.length} has a bad signature` });
      break;
    }
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc = cd.readUInt32LE(p + 16);
    let compressedSize = cd.readUInt32LE(p + 20);
    let size = cd.readUInt32LE(p + 24);
    const nlen = cd.readUInt16LE(p + 28);
    const xlen = cd.readUInt16LE(p + 30);
    const clen = cd.readUInt16LE(p + 32);
    let headerOffset = cd.readUInt32LE(p + 42);
    const madeBy = cd[p + 5];
    const unixMode = madeBy === MADE_BY_UNIX ? cd.readUInt32LE(p + 38) >>> 16 : undefined;
    const name = cd.subarray(p + 46, p + 46 + nlen).toString(flags & 0x800 ? 'utf8' : 'latin1');
    const extra = cd.subarray(p + 46 + nlen, p + 46 + nlen + xlen);
    ({ size, compressedSize, headerOffset } = applyZip64Extra(extra, { size, compressedSize, headerOffset }));
    out.push({ name, method, flags, crc, compressedSize, size, headerOffset, unixMode });
    p += 46 + nlen + xlen + clen;
  }
  if (out.length !== count && count !== 0xffff) anomalies.push({ kind: 'structure', message: `end record announces ${count} members, central directory holds ${out.length}` });
  return out;
}

function applyZip64Extra(extra: Buffer, v: { size: number; compressedSize: number; headerOffset: number }) {
  let q = 0;
  while (q + 4 <= extra.length) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const end = q + 4 + len;
      if (v.size === 0xffffffff && r + 8 <= end) {
        v.size = Number(extra.readBigUInt64LE(r));
        r += 8;
      }
      if (v.compressedSize === 0xffffffff && r + 8 <= end) {
        v.compressedSize = Number(extra.readBigUInt64LE(r));
        r += 8;
      }
      if (v.headerOffset === 0xffffffff && r + 8 <= end) v.headerOffset = Number(extra.readBigUInt64LE(r));
    }
    q += 4 + len;
  }
  return v;
}

type LocalEntry = Omit<ZipEntry, 'seenIn' | 'localName'>;

async function readLocalAt(src: ByteSource, offset: number): Promise<LocalEntry | undefined> {
  const h = await src.read(offset, 30);
  if (h.length < 30 || h.readUInt32LE(0) !== SIG_LOCAL) return undefined;
  const flags = h.readUInt16LE(6);
  const nlen = h.readUInt16LE(26);
  const xlen = h.readUInt16LE(28);
  const rest = await src.read(offset + 30, nlen + xlen);
  if (rest.length < nlen + xlen) return undefined; // header runs past the end: not a real member
  const name = rest.subarray(0, nlen).toString(flags & 0x800 ? 'utf8' : 'latin1');
  const sizes = applyZip64Extra(rest.subarray(nlen), { size: h.readUInt32LE(22), compressedSize: h.readUInt32LE(18), headerOffset: offset });
  return {
    name,
    flags,
    method: h.readUInt16LE(8),
    crc: h.readUInt32LE(14),
    compressedSize: sizes.compressedSize,
    size: sizes.size,
    headerOffset: offset,
    dataOffset: offset + 30 + nlen + xlen,
  };
}

/** Walks local headers from the start, jumping over member data; stops where sizes are unknown. */
async function walkLocalHeaders(src: ByteSource, central: Map<number, CentralEntry>, anomalies: ZipAnomaly[]): Promise<LocalEntry[]> {
  const out: LocalEntry[] = [];
  let pos = 0;
  while (pos + 30 <= src.size && out.length < MAX_ENTRIES) {
    const l = await readLocalAt(src, pos);
    if (!l) break;
    out.push(l);
    const c = central.get(pos);
    let csize = l.compressedSize;
    if (l.flags & 0x8 || csize === 0xffffffff) {
      if (c) csize = c.compressedSize;
      else {
        // Data descriptor and no central directory (truncated file): find the descriptor that follows.
        const found = await findDescriptor(src, l.dataOffset);
        if (found === undefined) break;
        csize = found;
        l.compressedSize = found;
        if (l.method === 0) l.size = found;
      }
    }
    let next = l.dataOffset + csize;
    if (l.flags & 0x8) {
      const d = await src.read(next, 4);
      next += d.length === 4 && d.readUInt32LE(0) === SIG_DESCRIPTOR ? 16 : 12;
      if (c && c.compressedSize > 0xfffffffe) next += 8;
    }
    if (next <= pos || next > src.size) break;
    pos = next;
  }
  if (out.length === 0 && central.size === 0) anomalies.push({ kind: 'structure', message: 'no readable zip members' });
  return out;
}

/**
 * Looks for a data descriptor (`PK\x07\x08`, crc, compressed size, size) whose compressed size matches
 * its distance from the member data; returns that size. Bounded to the first 64 MiB after the data start.
 */
async function findDescriptor(src: ByteSource, dataOffset: number): Promise<number | undefined> {
  const limit = Math.min(src.size, dataOffset + 64 * 1024 * 1024);
  const step = 1 << 20;
  for (let off = dataOffset; off < limit; off += step - 16) {
    const chunk = await src.read(off, Math.min(step, limit - off + 16));
    let i = chunk.indexOf(DESCRIPTOR_SIG);
    while (i >= 0 && i + 16 <= chunk.length) {
      const csize = chunk.readUInt32LE(i + 8);
      if (off + i - dataOffset === csize) return csize;
      i = chunk.indexOf(DESCRIPTOR_SIG, i + 1);
    }
    if (chunk.length < step) break;
  }
  return undefined;
}

const DESCRIPTOR_SIG = Buffer.from([0x50, 0x4b, 0x07, 0x08]);

/** Raw (still compressed) bytes of an entry. */
export function entryRaw(src: ByteSource, e: ZipEntry): ByteSource {
  return sliceSource(src, e.dataOffset, e.compressedSize);
}

/** The first `n` uncompressed bytes of an entry (cheap: inflates only a small prefix). */
export async function entryHead(src: ByteSource, e: ZipEntry, n: number): Promise<Buffer> {
  if (e.method === 0) return src.read(e.dataOffset, Math.min(n, e.compressedSize));
  if (e.method !== 8) return Buffer.alloc(0);
  const raw = await src.read(e.dataOffset, Math.min(e.compressedSize, 64 * 1024));
  try {
    return inflateRawSync(raw, { finishFlush: zc.Z_SYNC_FLUSH, maxOutputLength: Math.max(n, 1 << 20) }).subarray(0, n);
  } catch {
    return Buffer.alloc(0);
  }
}

export interface EntryContent {
  source: ByteSource;
  /** False when the cap stopped inflation (zip bomb or oversized member) or the data is corrupt. */
  complete: boolean;
  error?: string;
}

/**
 * The uncompressed content of an entry. Stored members are returned as a window on the archive (no
 * copy); deflated ones are inflated up to `cap` bytes.
 */
export async function entryContent(src: ByteSource, e: ZipEntry, cap: number): Promise<EntryContent> {
  if (e.method === 0) {
    const end = Math.min(e.compressedSize, src.size - e.dataOffset);
    return { source: sliceSource(src, e.dataOffset, end), complete: end === e.compressedSize };
  }
  if (e.method !== 8) return { source: bufferSource(Buffer.alloc(0)), complete: false, error: `compression method ${e.method} is not supported` };
  const csize = Math.min(e.compressedSize, src.size - e.dataOffset);
  const raw = await src.read(e.dataOffset, Math.min(csize, 512 * 1024 * 1024));
  return inflateCapped(raw, cap);
}

function inflateCapped(raw: Buffer, cap: number): Promise<EntryContent> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    const inf = createInflateRaw();
    const finish = (complete: boolean, error?: string) => {
      if (done) return;
      done = true;
      inf.removeAllListeners('data');
      inf.destroy();
      resolve({ source: bufferSource(Buffer.concat(chunks).subarray(0, cap)), complete, error });
    };
    inf.on('data', (c: Buffer) => {
      chunks.push(c);
      total += c.length;
      if (total > cap) finish(false, `inflates to more than ${cap} bytes (stopped: possible zip bomb)`);
    });
    inf.on('end', () => finish(true));
    inf.on('error', (err) => finish(false, `corrupt deflate data: ${err.message}`));
    inf.end(raw);
  });
}

/** CRC-32 check of content that was read completely. */
export async function checkCrc(content: ByteSource, e: ZipEntry): Promise<boolean> {
  if (content.size > 256 * 1024 * 1024) return true;
  const data = await content.read(0, content.size);
  return crc32(data) >>> 0 === e.crc >>> 0;
}
