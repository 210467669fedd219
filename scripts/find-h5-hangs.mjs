// Searches one-byte mutations of the committed .h5 fixtures for inputs that make HDF5 loop or
// over-allocate, with a fixed seed (reproducible). Needs `npm run build`. Usage:
//   node scripts/find-h5-hangs.mjs [cases=400] [seed=9] [guardMs=3000]
// Prints one line per case whose parse was stopped: fixture, offset, new byte, reason.
import { readFileSync } from 'node:fs';
import { readH5KerasAttrs, H5StoppedError } from '../dist/models/keras/h5.js';

const [cases = 400, seed0 = 9, guardMs = 3000] = process.argv.slice(2).map(Number);
const files = (process.env.FILES ?? 'safe.h5,lambda.h5,data-only.h5').split(',').map((f) => [f, readFileSync(new URL(`../test/fixtures/models/formats/keras/${f}`, import.meta.url))]);
let seed = seed0 >>> 0;
const rnd = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; // LCG: same sequence on every machine
  return seed / 2 ** 32;
};
const tally = { ok: 0, error: 0, stopped: 0 };
for (let i = 0; i < cases; i++) {
  const [name, orig] = files[Math.floor(rnd() * files.length)];
  const buf = Buffer.from(orig);
  let off = 0;
  let val = 0;
  for (let k = 0; k < Number(process.env.MUT ?? 1); k++) {
    off = Math.floor(rnd() * Math.min(buf.length, Number(process.env.HEAD ?? buf.length)));
    val = Math.floor(rnd() * 256);
    buf[off] = val;
  }
  const t = Date.now();
  if (process.env.VERBOSE) (await import("node:fs")).appendFileSync(process.env.VERBOSE, `${i} ${name} ${off} ${val}\n`);
  try {
    await readH5KerasAttrs(buf, { guardMs });
    tally.ok++;
  } catch (e) {
    tally[e instanceof H5StoppedError ? 'stopped' : 'error']++;
    if (e instanceof H5StoppedError) console.log(`${i} ${name} offset=${off} byte=0x${val.toString(16)} ${e.kind} ${Date.now() - t}ms ${e.message}`);
  }
}
console.log(tally);
