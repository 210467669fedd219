/**
 * The held-out measure (bench/peers/lib.mjs): labels are read from Checkov's layout (test_<Check>.py
 * sets, check id from the check module) and from our sample's comments; the figures on our sample meet
 * the goals; and where the peer is wrong (CKV_AWS_122 passes a notebook without
 * direct_internet_access, whose AWS default is Enabled) aigis flags the resource.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzers } from '../../src/analyzers/index.js';
import { scan } from '../../src/index.js';
// @ts-expect-error: plain ESM module of the bench, no type declarations
import { findFixtures, labelledResources, measure, totals } from '../../bench/peers/lib.mjs';

const SAMPLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'peers', 'sample');
const rules = analyzers.flatMap((a) => a.rules ?? []);
const scanDir = async (dir: string) => (await scan(dir, { cwd: dir })).findings;

type Row = { rule: string; check: string; fail: number; failFlagged: number; pass: number; passFlagged: number; peerWrong: number; peerWrongFlagged: number };

describe('posture peers measure', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'aigis-peers-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads a Checkov-style checkout: id from the check module, labels from test_<Check>.py', () => {
    const tests = join(tmp, 'tests', 'terraform', 'checks', 'resource', 'aws');
    const checks = join(tmp, 'checkov', 'terraform', 'checks', 'resource', 'aws');
    mkdirSync(join(tests, 'example_NotebookCheck'), { recursive: true });
    mkdirSync(checks, { recursive: true });
    writeFileSync(join(checks, 'NotebookCheck.py'), 'class NotebookCheck:\n    def __init__(self):\n        id = "CKV_AWS_122"\n');
    writeFileSync(join(tests, 'test_NotebookCheck.py'), 'passing_resources = {\n    "aws_sagemaker_notebook_instance.ok",\n}\nfailing_resources = {\n    "aws_sagemaker_notebook_instance.bad",\n}\n');
    writeFileSync(join(tests, 'example_NotebookCheck', 'main.tf'), 'resource "aws_sagemaker_notebook_instance" "ok" {\n  direct_internet_access = "Disabled"\n}\n\nresource "aws_sagemaker_notebook_instance" "bad" {\n  direct_internet_access = "Enabled"\n}\n\nresource "aws_sagemaker_notebook_instance" "unlabelled" {\n}\n');
    const fx = findFixtures(tmp, rules);
    expect(fx.map((f: { check: string; ruleIds: string[] }) => [f.check, f.ruleIds])).toEqual([['CKV_AWS_122', ['tf/sagemaker-notebook-direct-internet']]]);
    expect(labelledResources(fx[0]).map((r: { id: string; label: string; start: number; end: number }) => [r.id, r.label, r.start, r.end])).toEqual([
      ['aws_sagemaker_notebook_instance.ok', 'pass', 1, 4],
      ['aws_sagemaker_notebook_instance.bad', 'fail', 5, 8],
    ]);
  });

  it('on our sample: ≥ 90% of failing resources flagged at the resource, ≤ 5% of passing ones, and the peer error flagged', async () => {
    const { rows } = (await measure(SAMPLE, rules, scanDir)) as { rows: Row[] };
    const t = totals(rows);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(t.recall).toBeGreaterThanOrEqual(0.9);
    expect(t.falsePositive).toBeLessThanOrEqual(0.05);
    const ckv122 = rows.find((r) => r.check === 'CKV_AWS_122');
    // Checkov labels the notebook without direct_internet_access passing; AWS enables access by default.
    expect(ckv122).toMatchObject({ rule: 'tf/sagemaker-notebook-direct-internet', peerWrong: 1, peerWrongFlagged: 1 });
  }, 60_000);
});
