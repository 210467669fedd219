/**
 * identifyModelFormat's magic numbers, compared in place (no Buffer per test): each is recognised at
 * its offset, in a head that ends right after it, and not in a head one byte short of it.
 */
import { describe, expect, it } from 'vitest';
import { fileInfo } from '../../src/core/file-info.js';
import { identifyModelFormat, type ModelFormat } from '../../src/models/identify.js';

const identify = (path: string, head: Buffer, size = 1 << 20) => identifyModelFormat(fileInfo(path, size), head);

/** [file name, bytes before the magic, magic, format]. */
const MAGIC: [string, number, Buffer, ModelFormat][] = [
  ['model.pt', 0, Buffer.from('PK\x03\x04', 'latin1'), 'torch-zip'],
  ['model.keras', 0, Buffer.from('PK\x05\x06', 'latin1'), 'zip'],
  ['model.h5', 0, Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]), 'hdf5'],
  ['weights.npy', 0, Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]), 'numpy'],
  ['payload.7z', 0, Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), '7z'],
  ['model.gguf', 0, Buffer.from('GGUF', 'latin1'), 'gguf'],
  ['model.tflite', 4, Buffer.from('TFL3', 'latin1'), 'tflite'],
  ['model.tar', 257, Buffer.from('ustar', 'latin1'), 'tar'],
];

describe('identifyModelFormat magic numbers', () => {
  it.each(MAGIC)('%s: found at its offset, not when the head is one byte short', (name, offset, magic, format) => {
    // Filler that is no other format's magic (a space is no pickle opcode).
    const head = Buffer.concat([Buffer.alloc(offset, 0x20), magic]);
    expect(identify(name, head)).toBe(format);
    expect(identify(name, Buffer.concat([head, Buffer.alloc(64, 0x20)]))).toBe(format);
    expect(identify(name, head.subarray(0, head.length - 1))).not.toBe(format);
    // One byte changed: not that format.
    const changed = Buffer.from(head);
    changed[head.length - 1] ^= 0xff;
    expect(identify(name, changed)).not.toBe(format);
  });
});
