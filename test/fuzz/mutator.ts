/**
 * A small deterministic mutator for the fuzz targets: the same seed gives the same cases on every
 * machine. Operations, as in AFL/libFuzzer's basic set: bit flip, interesting byte, interesting
 * 32-bit length, byte insert, range delete, chunk duplicate, truncation and splice with another seed.
 */

import { prng } from '../support/prng.js';

export { prng };

const BYTES = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x0a, 0x22, 0x28, 0x5b, 0x7b, 0x2e, 0x2f];
/** Lengths and counts that break size arithmetic: zero, sign edges, "everything". */
const INTS = [0, 1, 0x7f, 0x80, 0xff, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff, 0x40000000];

export type Op = 'flip' | 'byte' | 'int32' | 'insert' | 'delete' | 'dup' | 'truncate' | 'splice';
const OPS: Op[] = ['flip', 'flip', 'byte', 'byte', 'int32', 'insert', 'delete', 'dup', 'truncate', 'splice'];

/** Largest mutated input: duplication and splicing may not grow a seed without bound. */
const MAX_LEN = 256 * 1024;

export function mutate(input: Buffer, rnd: () => number, others: Buffer[], rounds = 1 + Math.floor(rnd() * 4)): Buffer {
  let b = Buffer.from(input);
  const at = (n: number) => Math.floor(rnd() * Math.max(1, n));
  for (let r = 0; r < rounds; r++) {
    const op = OPS[at(OPS.length)];
    if (b.length === 0 && op !== 'insert' && op !== 'splice') continue;
    switch (op) {
      case 'flip': {
        const i = at(b.length);
        b[i] ^= 1 << at(8);
        break;
      }
      case 'byte':
        b[at(b.length)] = BYTES[at(BYTES.length)];
        break;
      case 'int32': {
        if (b.length < 4) break;
        const i = at(b.length - 3);
        const v = INTS[at(INTS.length)];
        if (rnd() < 0.5) b.writeUInt32LE(v >>> 0, i);
        else b.writeUInt32BE(v >>> 0, i);
        break;
      }
      case 'insert': {
        const i = at(b.length + 1);
        const n = 1 + at(16);
        const ins = Buffer.alloc(n);
        for (let k = 0; k < n; k++) ins[k] = rnd() < 0.5 ? BYTES[at(BYTES.length)] : at(256);
        b = Buffer.concat([b.subarray(0, i), ins, b.subarray(i)]);
        break;
      }
      case 'delete': {
        const i = at(b.length);
        b = Buffer.concat([b.subarray(0, i), b.subarray(i + 1 + at(Math.min(64, b.length - i)))]);
        break;
      }
      case 'dup': {
        const i = at(b.length);
        const n = 1 + at(Math.min(256, b.length - i));
        const j = at(b.length + 1);
        const times = 1 + at(8);
        const chunk = b.subarray(i, i + n);
        b = Buffer.concat([b.subarray(0, j), ...Array<Buffer>(times).fill(chunk), b.subarray(j)]);
        break;
      }
      case 'truncate':
        b = b.subarray(0, at(b.length));
        break;
      case 'splice': {
        const other = others[at(others.length)];
        if (!other || other.length === 0) break;
        const i = at(b.length + 1);
        const j = at(other.length);
        b = Buffer.concat([b.subarray(0, i), other.subarray(j, j + 1 + at(other.length - j))]);
        break;
      }
    }
    if (b.length > MAX_LEN) b = b.subarray(0, MAX_LEN);
  }
  return b;
}
