/**
 * Hostile bytes: deterministic random mutations and truncations of every fixture (and the picklescan
 * corpus when present) never make the analyzer throw; each run returns findings/notes arrays.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { analyzeBytes, FIXTURES, sharedCorpus } from './helpers.js';

it('survives 400 mutated and truncated model files without throwing', async () => {
  let seed = 20251122;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const load = (dir: string) =>
    readdirSync(dir)
      .filter((f) => !/\.(py|mjs|md)$/.test(f) && f !== 'LICENSE' && !f.endsWith('.7z')) // 7z: slow wasm start-up, covered elsewhere
      .map((f) => [f, readFileSync(join(dir, f))] as const);
  const corpus = sharedCorpus('picklescan');
  const inputs = [...load(FIXTURES), ...(corpus ? load(corpus) : [])];
  let ran = 0;
  for (let i = 0; i < 400; i++) {
    const [name, orig] = inputs[Math.floor(rnd() * inputs.length)];
    const buf = Buffer.from(orig);
    for (let j = 0, k = 1 + Math.floor(rnd() * 8); j < k; j++) {
      const pos = Math.floor(rnd() * buf.length);
      if (rnd() < 0.7) buf[pos] = Math.floor(rnd() * 256);
      else if (buf.length >= 4) buf.writeUInt32LE(Math.floor(rnd() * 0xffffffff) >>> 0, Math.min(pos, buf.length - 4));
    }
    const input = rnd() < 0.25 ? buf.subarray(0, Math.floor(rnd() * buf.length)) : buf;
    const r = await analyzeBytes(name, input);
    expect(Array.isArray(r.findings ?? []) && Array.isArray(r.notes ?? [])).toBe(true);
    ran++;
  }
  expect(ran).toBe(400);
});
