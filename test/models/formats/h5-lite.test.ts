/**
 * The direct HDF5 reader (src/models/keras/h5-lite.ts) against HDF5 itself (h5wasm in its worker):
 * wherever the direct reader gives an answer it must be HDF5's answer, and anything it does not
 * cover, or that HDF5 would loop or over-allocate on, must be left to HDF5 (undefined).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { H5StoppedError, readH5KerasAttrs } from '../../../src/models/keras/h5.js';
import { readH5KerasAttrsLite } from '../../../src/models/keras/h5-lite.js';

const KERAS = join(__dirname, '../../fixtures/models/formats/keras');
const fixture = (name: string) => readFileSync(join(KERAS, name));
/** HDF5's own reading, or its error message. */
const hdf5 = (buf: Buffer) => readH5KerasAttrs(buf, { guardMs: 5000 }).then((a) => ({ ...a }), (e: Error) => `error: ${e.message}`);

/** Rewrites the root attribute `name` of an h5py file (a variable-length string) as a fixed-length string of `size` bytes. */
function fixedString(buf: Buffer, name: string, value: Buffer, size: number, bits: number): Buffer {
  const out = Buffer.from(buf);
  const nameAt = out.indexOf(Buffer.from(`${name}\0`, 'latin1'));
  const msg = nameAt - 8; // attribute message, version 1: name padded to 8, then datatype, dataspace, data
  expect(out[msg]).toBe(1);
  const dt = nameAt + ((out.readUInt16LE(msg + 2) + 7) & ~7);
  out.writeUInt16LE(8, msg + 4); // datatype size
  out.writeUInt16LE(8, msg + 6); // dataspace size
  out.writeUIntLE(0x13 | (bits << 8), dt, 4); // class 3 (string), version 1, padding and charset
  out.writeUInt32LE(size, dt + 4);
  Buffer.from([1, 0, 0, 0, 0, 0, 0, 0]).copy(out, dt + 8); // scalar dataspace, version 1
  out.fill(0, dt + 16, dt + 16 + size);
  value.copy(out, dt + 16);
  return out;
}

describe('direct HDF5 reader', () => {
  it.each(['safe.h5', 'lambda.h5', 'data-only.h5'])('%s: the same attributes and keys as HDF5', async (name) => {
    const buf = fixture(name);
    const lite = readH5KerasAttrsLite(buf);
    expect(lite).toBeDefined();
    expect({ ...lite }).toEqual(await hdf5(buf));
  });

  it('reads the Lambda layer of lambda.h5 from its model_config', () => {
    const lite = readH5KerasAttrsLite(fixture('lambda.h5'));
    expect(lite?.keys).toEqual(['model_weights']);
    expect(lite?.kerasVersion).toBe('2.15.0');
    expect(JSON.parse(lite?.modelConfig ?? '{}').config.layers.map((l: { class_name: string }) => l.class_name)).toContain('Lambda');
  });

  it('fixed-length strings (null-terminated ASCII, null-padded UTF-8) read as HDF5 reads them', async () => {
    const ascii = fixedString(fixture('safe.h5'), 'keras_version', Buffer.from('2.4.0'), 16, 0x00);
    const utf8 = fixedString(fixture('safe.h5'), 'backend', Buffer.from('théano', 'utf8'), 12, 0x11);
    for (const buf of [ascii, utf8]) {
      const lite = readH5KerasAttrsLite(buf);
      expect(lite).toBeDefined();
      expect({ ...lite }).toEqual(await hdf5(buf));
    }
    expect(readH5KerasAttrsLite(ascii)?.kerasVersion).toBe('2.4.0');
    expect(readH5KerasAttrsLite(utf8)?.backend).toBe('théano');
  });

  it('leaves to HDF5 what it cannot read the same way: non-ASCII bytes in an ASCII string, space padding', () => {
    expect(readH5KerasAttrsLite(fixedString(fixture('safe.h5'), 'backend', Buffer.from([0x74, 0x80]), 8, 0x00))).toBeUndefined();
    expect(readH5KerasAttrsLite(fixedString(fixture('safe.h5'), 'backend', Buffer.from('tf'), 8, 0x02))).toBeUndefined();
  });

  it('refuses the file HDF5 loops on (a global heap whose free space does not reach its end), before HDF5 runs', async () => {
    let refused: unknown;
    try {
      readH5KerasAttrsLite(fixture('hang-mutated.h5'));
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(H5StoppedError);
    expect((refused as H5StoppedError).kind).toBe('loop');
    // HDF5 itself does loop on it: only the worker's wall-clock guard (last resort) stops it.
    const stopped = await readH5KerasAttrs(fixture('hang-mutated.h5'), { guardMs: 1500 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(stopped).toBeInstanceOf(H5StoppedError);
    expect((stopped as H5StoppedError).kind).toBe('time');
  }, 60_000);

  it('leaves the file HDF5 over-allocates on to the budgeted worker', () => {
    expect(readH5KerasAttrsLite(fixture('alloc-mutated.h5'))).toBeUndefined();
  });

  it('hostile structures give undefined, never a throw: truncation, cycles, lying sizes', () => {
    const safe = fixture('safe.h5');
    expect(readH5KerasAttrsLite(safe.subarray(0, 100))).toBeUndefined();
    expect(readH5KerasAttrsLite(safe.subarray(0, safe.length - 1))).toBeUndefined(); // shorter than its end-of-file address
    expect(readH5KerasAttrsLite(Buffer.from('not hdf5 at all'))).toBeUndefined();
    // The root header's continuation pointing back at the root header.
    const cycle = Buffer.from(safe);
    const root = Number(cycle.readBigUInt64LE(64));
    expect(cycle.readUInt16LE(root + 16)).toBe(0x10);
    cycle.writeBigUInt64LE(BigInt(root + 16), root + 24);
    expect(readH5KerasAttrsLite(cycle)).toBeUndefined();
    // A header chunk claiming 4 GiB.
    const huge = Buffer.from(safe);
    huge.writeUInt32LE(0xffffffff, root + 8);
    expect(readH5KerasAttrsLite(huge)).toBeUndefined();
  });

  it('on one-byte corruptions it answers as HDF5 does, or leaves the file to HDF5 (seeded)', async () => {
    const files = ['safe.h5', 'lambda.h5', 'data-only.h5'].map(fixture);
    let seed = 17;
    const rnd = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    let compared = 0;
    for (let i = 0; i < 60; i++) {
      const buf = Buffer.from(files[Math.floor(rnd() * files.length)]);
      // Corrupt the metadata HDF5 reads first (superblock, root header, heaps): the first 4 KiB.
      buf[Math.floor(rnd() * Math.min(buf.length, 4096))] = Math.floor(rnd() * 256);
      let lite;
      try {
        lite = readH5KerasAttrsLite(buf);
      } catch (e) {
        // Refused as a loop: HDF5 must indeed not finish it normally.
        expect(e).toBeInstanceOf(H5StoppedError);
        expect((e as H5StoppedError).kind).toBe('loop');
        expect(typeof (await hdf5(buf))).toBe('string');
        continue;
      }
      if (lite === undefined) continue;
      const full = await hdf5(buf);
      if (typeof full === 'string') continue; // HDF5 refuses a file the direct reader accepts: no false finding, the attributes are intact
      expect({ ...lite }).toEqual(full);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  }, 120_000);
});
