/**
 * bench/discovery-recall.mjs scores `aigis bom` against labels: a missed label lowers recall, a
 * `notAi` label reported as AI lowers precision, and the bundled sample runs from the repository.
 * Needs the built CLI (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bench = join(root, 'bench', 'discovery-recall.mjs');
const dir = mkdtempSync(join(tmpdir(), 'aigis-recall-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(target?: string) {
  const r = spawnSync(process.execPath, [bench, ...(target ? [target] : []), '--json'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { total: { labelled: number; found: number; falseAi: number; recall: number; precision: number }; repos: { repo: string; missed: string[]; falseAi: string[] }[] };
}

describe('bench/discovery-recall.mjs', () => {
  it('counts misses against recall and non-AI labels reported as AI against precision', () => {
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app', 'requirements.txt'), 'torch==2.5.1\ntransformers==4.46.3\nrequests==2.32.3\n');
    writeFileSync(join(dir, 'labels.json'), JSON.stringify({
      kinds: ['package', 'model'],
      repos: { app: { ai: ['package:torch', 'model:meta-llama/Llama-3.1-8B'], notAi: ['package:transformers', 'package:requests'] } },
    }));
    const out = run(dir);
    expect(out.repos[0].missed).toEqual(['model:meta-llama/Llama-3.1-8B']);
    expect(out.repos[0].falseAi).toEqual(['package:transformers']);
    expect(out.total).toMatchObject({ labelled: 2, found: 1, falseAi: 1, recall: 0.5, precision: 0.5 });
  });

  it('runs on the bundled labelled sample', () => {
    const out = run();
    expect(out.repos.map((r) => r.repo).sort()).toEqual(['go-gateway', 'mcp-tools', 'ollama-stack', 'ray-rag']);
    expect(out.total.labelled).toBeGreaterThan(15);
    expect(out.total.found).toBeLessThanOrEqual(out.total.labelled);
  });
});
