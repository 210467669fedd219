/**
 * bench/triage-top.mjs checks that the first item of the deterministic triage is the planted attack
 * path of each labelled scenario: a label the top item does not match is a miss (with where the
 * planted path ranked), and the bundled sample runs from the repository. Needs the built CLI.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bench = join(root, 'bench', 'triage-top.mjs');
const sample = join(root, 'bench', 'triage-sample');
const dir = mkdtempSync(join(tmpdir(), 'aigis-triage-top-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Out = { scenarios: number; top1: number; rows: Array<{ name: string; top1: boolean; plantedRank: number | null; top: string; paths: number }> };

function run(target?: string): Out {
  const r = spawnSync(process.execPath, [bench, ...(target ? [target] : []), '--json'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Out;
}

describe('bench/triage-top.mjs', () => {
  it('a label the top item does not match is a miss, with the planted path\'s rank', () => {
    cpSync(join(sample, 'exposed-ray'), join(dir, 'a'), { recursive: true });
    cpSync(join(sample, 'exposed-ray'), join(dir, 'b'), { recursive: true });
    writeFileSync(join(dir, 'labels.json'), JSON.stringify({
      scenarios: {
        // The leaked Hugging Face token is a path too, but it scores below the exposed Ray head.
        a: { ruleId: 'path/leaked-key-to-ai-account', entryFile: '.env', target: 'huggingface' },
        // Right rule and target, wrong entry file: no path of the report matches.
        b: { ruleId: 'path/exposed-server-to-data', entryFile: 'k8s/other.yaml', target: 'aws_s3_bucket.training' },
      },
    }));
    const out = run(dir);
    expect(out.top1).toBe(0);
    expect(out.rows.map((r) => [r.name, r.top1, r.plantedRank])).toEqual([['a', false, 2], ['b', false, null]]);
    expect(out.rows[0].top).toMatch(/^path\/exposed-server-to-data path-[0-9a-f]{16} \(score \d+\)$/);
  });

  it('runs on the bundled sample: the planted path is the first triage item of each scenario', () => {
    const out = run();
    expect(out.rows.map((r) => r.name)).toEqual(['exposed-ray', 'leaked-key', 'pwn-request']);
    expect(out.rows.map((r) => r.plantedRank)).toEqual([1, 1, 1]);
    expect(out.top1).toBe(3);
  });
});
