/** A minimal zip writer for tests and benchmarks (stored or deflated members, optional tweaks). */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipMember {
  name: string;
  data: Buffer;
  deflate?: boolean;
  /** Name written in the local header (defaults to `name`). */
  localName?: string;
  flags?: number;
  /** Unix mode stored in the external attributes (version made by = Unix). */
  unixMode?: number;
  /** Write the local header and data but leave the member out of the central directory. */
  omitFromCentral?: boolean;
}

export interface ZipOptions {
  /** Write zip64 end records and saturate the classic end record's fields. */
  zip64?: boolean;
}

export function makeZip(members: ZipMember[], opts: ZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const body = m.deflate ? deflateRawSync(m.data) : m.data;
    const method = m.deflate ? 8 : 0;
    const crc = crc32(m.data) >>> 0;
    const lname = Buffer.from(m.localName ?? m.name);
    const cname = Buffer.from(m.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(m.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(m.data.length, 22);
    local.writeUInt16LE(lname.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(m.unixMode === undefined ? 20 : 0x0314, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(m.flags ?? 0, 8);
    if (m.unixMode !== undefined) cd.writeUInt32LE((m.unixMode << 16) >>> 0, 38);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(m.data.length, 24);
    cd.writeUInt16LE(cname.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, lname, body);
    if (!m.omitFromCentral) central.push(cd, cname);
    offset += 30 + lname.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const count = central.length / 2;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(opts.zip64 ? 0xffff : count, 8);
  eocd.writeUInt16LE(opts.zip64 ? 0xffff : count, 10);
  eocd.writeUInt32LE(opts.zip64 ? 0xffffffff : cdBuf.length, 12);
  eocd.writeUInt32LE(opts.zip64 ? 0xffffffff : offset, 16);
  if (!opts.zip64) return Buffer.concat([...parts, cdBuf, eocd]);
  const z64 = Buffer.alloc(56);
  z64.writeUInt32LE(0x06064b50, 0);
  z64.writeBigUInt64LE(44n, 4);
  z64.writeUInt16LE(45, 12);
  z64.writeUInt16LE(45, 14);
  z64.writeBigUInt64LE(BigInt(count), 24);
  z64.writeBigUInt64LE(BigInt(count), 32);
  z64.writeBigUInt64LE(BigInt(cdBuf.length), 40);
  z64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cdBuf.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...parts, cdBuf, z64, locator, eocd]);
}

/** `posix.system(cmd)` as a protocol-2 pickle, written opcode by opcode. */
export function shellPickle(cmd: string): Buffer {
  const arg = Buffer.from(cmd, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(arg.length);
  return Buffer.concat([Buffer.from('\x80\x02cposix\nsystem\nX', 'latin1'), len, arg, Buffer.from('\x85R.', 'latin1')]);
}
