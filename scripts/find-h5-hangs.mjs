// Searches one-byte mutations of the committed .h5 fixtures for inputs that make HDF5 loop or
// over-allocate, with a fixed seed (reproducible). Needs `npm run build`. Usage:
//   node scripts/find-h5-hangs.mjs [cases=400] [seed=9] [guardMs=3000]
// Prints one line per case whose parse was stopped: fixture, offset, new byte, reason.
import { readFileSync } from 'node:fs';
import { readH5KerasAttrs, H5StoppedError } from '../dist/models/keras/h5.js';

const [cases = 400, seed0 = 9, guardMs = 3000] = process.argv.slice(2).map(Number);
const files = ['safe.h5', 'lambda.h5', 'data-only.h5'].map((f) => [f, readFileSync(new URL(`../test/fixtures/models/formats/keras/${f}`, import.meta.url))]);
let seed = seed0 >>> 0;
const rnd = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; // LCG: same sequence on every machine
  return seed / 2 ** 32;
};
for (let i = 0; i < cases; i++) {
  const [name, orig] = files[Math.floor(rnd() * files.length)];
  const buf = Buffer.from(orig);
  const off = Math.floor(rnd() * buf.length);
  const val = Math.floor(rnd() * 256);
  buf[off] = val;
  const t = Date.now();
  try {
    await readH5KerasAttrs(buf, { guardMs });
  } catch (e) {
    if (e instanceof H5StoppedError) console.log(`${i} ${name} offset=${off} byte=0x${val.toString(16)} ${e.kind} ${Date.now() - t}ms ${e.message}`);
  }
}
