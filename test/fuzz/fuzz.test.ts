/**
 * Fuzz targets for every parser family (issue 9): each seed of test/fuzz/corpus/<family>/ is mutated
 * with a fixed seed (test/fuzz/mutator.ts) and run through every analyzer of the scan pipeline that
 * matches its name, as `aigis scan` would. A case fails on
 * - a crash: an exception escaping an analyzer (a read-budget refusal is expected and allowed), or an
 *   internal error caught and turned into an `error` note (TypeError, RangeError, stack overflow …);
 * - a hang: the case does not settle within HANG_MS, far past the analyzers' own budgets;
 * - memory: the process's resident set exceeds MAX_RSS after the case.
 * Failing cases are written to $AIGIS_FUZZ_OUT (when set) so they can be added to the corpus.
 * Runtime record formats are fuzzed with the runtime analyzers, not here.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzers } from '../../src/analyzers/index.js';
import { BudgetExceededError, type AnalyzerContext } from '../../src/core/analyzer.js';
import { bufferFile } from '../../src/core/buffer-file.js';
import { mutate, prng } from './mutator.js';

const CORPUS = path.resolve(__dirname, 'corpus');
const SEED = 0x9e3779b9;
/** Cases per family: a few thousand in all, sized so the whole file runs in about a minute on 2 cores. */
const CASES: Record<string, number> = { pickle: 700, archive: 400, hdf5: 250, protobuf: 500, gguf: 400, safetensors: 300, manifest: 800 };
const HANG_MS = 45_000;
const MAX_RSS = 1024 * 1024 * 1024;
const READ_BUDGET = 8 * 1024 * 1024;
/** Errors that only a parser bug produces: they must never reach a note. */
const INTERNAL = /\b(TypeError|RangeError|ReferenceError|SyntaxError: Unexpected token|Maximum call stack|Cannot read propert|is not a function|undefined is not)/;

function ctx(): AnalyzerContext {
  return { deadline: Date.now() + 30_000, exists: () => false, open: () => undefined };
}

interface Outcome {
  crash?: string;
}

/** Runs every matching analyzer on one input, as the pipeline does, and reports a crash. */
async function runCase(name: string, bytes: Buffer): Promise<Outcome> {
  const file = bufferFile(name, bytes, { readBudget: READ_BUDGET });
  for (const a of analyzers) {
    if (!a.match(file)) continue;
    try {
      const r = await a.analyze(file, ctx());
      const bad = (r.notes ?? []).find((n) => n.level === 'error' && INTERNAL.test(n.message));
      if (bad) return { crash: `${a.name}: error note "${bad.message}"` };
    } catch (e) {
      if (e instanceof BudgetExceededError) continue;
      return { crash: `${a.name}: ${(e as Error).stack ?? String(e)}` };
    }
  }
  return {};
}

function withHangGuard<T>(p: Promise<T>, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: ${label} did not finish within ${HANG_MS} ms`)), HANG_MS);
  });
  return Promise.race([p, hang]).finally(() => clearTimeout(timer));
}

function save(family: string, i: number, name: string, bytes: Buffer): string | undefined {
  const out = process.env.AIGIS_FUZZ_OUT;
  if (!out) return undefined;
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `${family}-${i}-${name}`);
  writeFileSync(file, bytes);
  return file;
}

describe('fuzz targets (fixed seed, committed corpus)', () => {
  it.each(Object.entries(CASES))('%s: %i mutated cases never crash, hang or blow memory', async (family, cases) => {
    const seeds = readdirSync(path.join(CORPUS, family))
      .sort()
      .map((n) => ({ name: n, bytes: readFileSync(path.join(CORPUS, family, n)) }));
    expect(seeds.length).toBeGreaterThan(0);
    const rnd = prng(SEED ^ family.length ^ (family.charCodeAt(0) << 8));
    const failures: string[] = [];
    // The unmutated seeds first: the harness must accept valid input.
    for (const s of seeds) {
      const r = await runCase(s.name, s.bytes);
      if (r.crash) failures.push(`seed ${s.name}: ${r.crash}`);
    }
    for (let i = 0; i < cases && failures.length < 5; i++) {
      const s = seeds[Math.floor(rnd() * seeds.length)];
      const input = mutate(s.bytes, rnd, seeds.map((x) => x.bytes));
      const label = `${family} case ${i} (${s.name}, ${input.length} bytes)`;
      let r: Outcome;
      try {
        r = await withHangGuard(runCase(s.name, input), label);
      } catch (e) {
        r = { crash: (e as Error).message };
      }
      const rss = process.memoryUsage().rss;
      if (rss > MAX_RSS) r = { crash: `resident set ${rss >> 20} MiB after the case, over ${MAX_RSS >> 20} MiB` };
      if (r.crash) {
        const saved = save(family, i, s.name, input);
        failures.push(`${label}: ${r.crash}${saved ? ` (saved to ${saved})` : ''}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
