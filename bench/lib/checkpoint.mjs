/**
 * Writes a torch-style zip checkpoint for the model benchmarks: <prefix>/data.pkl (the real pickle of
 * the generated fixture test/fixtures/models/pickle/torch_malicious.pt, so a scan has a payload to
 * find), <prefix>/data/0 (a stored blob of the requested size) and <prefix>/version, with correct
 * CRCs and headers. Reads the pickle through dist/ (run `npm run build` first).
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(ROOT, 'dist');

/** A torch-style zip: <prefix>/data.pkl, <prefix>/data/0 (the big stored blob), <prefix>/version. */
export async function writeCheckpoint(path, blobSize) {
  const { listZip, entryContent } = await import(join(DIST, 'models/containers/zip-reader.js'));
  const { bufferSource } = await import(join(DIST, 'models/io/byte-source.js'));
  const fixture = readFileSync(join(ROOT, 'test/fixtures/models/pickle/torch_malicious.pt'));
  const src = bufferSource(fixture);
  const { entries } = await listZip(src);
  const pklEntry = entries.find((e) => e.name.endsWith('/data.pkl'));
  const content = await entryContent(src, pklEntry, 1 << 20);
  const dataPkl = await content.source.read(0, content.source.size);

  const fd = openSync(path, 'w');
  let offset = 0;
  const central = [];
  const write = (buf) => {
    writeSync(fd, buf);
    offset += buf.length;
  };
  const chunk = Buffer.alloc(16 * 1024 * 1024);
  for (let i = 0; i < chunk.length; i += 4) chunk.writeUInt32LE((i * 2654435761) >>> 0, i);
  const members = [
    { name: 'model/data.pkl', size: dataPkl.length, fill: (emit) => emit(dataPkl) },
    {
      name: 'model/data/0',
      size: blobSize,
      fill: (emit) => {
        for (let left = blobSize; left > 0; left -= chunk.length) emit(left >= chunk.length ? chunk : chunk.subarray(0, left));
      },
    },
    { name: 'model/version', size: 2, fill: (emit) => emit(Buffer.from('3\n')) },
  ];
  for (const m of members) {
    let crc = 0;
    m.fill((b) => {
      crc = crc32(b, crc);
    });
    const name = Buffer.from(m.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(m.size, 18);
    local.writeUInt32LE(m.size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(m.size, 20);
    cd.writeUInt32LE(m.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    write(local);
    write(name);
    m.fill(write);
  }
  const cdBuf = Buffer.concat(central);
  const cdOffset = offset;
  write(cdBuf);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(members.length, 8);
  eocd.writeUInt16LE(members.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  write(eocd);
  closeSync(fd);
}
