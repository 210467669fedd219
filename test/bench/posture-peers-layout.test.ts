/**
 * More of the peers' layouts that bench/peers/lib.mjs reads: inline fixtures of older Checkov tests
 * (`hcl2.loads("""…""")` with the expected CheckResult), and per-finding peer ids when one aigis rule
 * covers two peer checks.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzers } from '../../src/analyzers/index.js';
import { scan } from '../../src/index.js';
// @ts-expect-error: plain ESM module of the bench, no type declarations
import { inlineCases, measure } from '../../bench/peers/lib.mjs';

const rules = analyzers.flatMap((a) => a.rules ?? []);
const scanDir = async (dir: string) => (await scan(dir, { cwd: dir })).findings;
const Q = '"""';

describe('posture peers layouts', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'aigis-peers-layout-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads inline fixtures of older Checkov tests (hcl2.loads + CheckResult)', () => {
    const tests = join(tmp, 'inline', 'tests', 'terraform', 'checks', 'resource', 'aws');
    const checks = join(tmp, 'inline', 'checkov', 'terraform', 'checks', 'resource', 'aws');
    mkdirSync(tests, { recursive: true });
    mkdirSync(checks, { recursive: true });
    writeFileSync(join(checks, 'RootCheck.py'), 'id = "CKV_AWS_307"\n');
    const method = (name: string, value: string, result: string) =>
      `    def ${name}(self):\n        hcl_res = hcl2.loads(${Q}\n            resource "aws_sagemaker_notebook_instance" "t" {\n              root_access = "${value}"\n            }\n        ${Q})\n        self.assertEqual(CheckResult.${result}, r)\n`;
    writeFileSync(join(tests, 'test_RootCheck.py'), `class T:\n${method('test_failure', 'Enabled', 'FAILED')}\n${method('test_success', 'Disabled', 'PASSED')}`);
    expect(inlineCases(join(tmp, 'inline')).map((c: { name: string; check: string; label: string }) => [c.name, c.check, c.label])).toEqual([
      ['RootCheck__1', 'CKV_AWS_307', 'fail'],
      ['RootCheck__2', 'CKV_AWS_307', 'pass'],
    ]);
  });

  it('a rule covering two peer checks answers per finding: the volume-key finding does not count for the model-key check', async () => {
    const root = join(tmp, 'split');
    const dir = join(root, 'tests', 'terraform', 'checks', 'resource', 'aws', 'example_ModelKey');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.tf'), '# check: CKV_AWS_267\n# pass\nresource "aws_comprehend_entity_recognizer" "model_key_only" {\n  name             = "a"\n  model_kms_key_id = aws_kms_key.k.arn\n}\n');
    const { rows } = await measure(root, rules, scanDir);
    expect(rows).toEqual([expect.objectContaining({ rule: 'tf/comprehend-no-kms', check: 'CKV_AWS_267', pass: 1, passFlagged: 0 })]);
    // The rule does report the missing volume key there, as Checkov's CKV_AWS_268.
    const found = (await scanDir(dir)).filter((x) => x.ruleId === 'tf/comprehend-no-kms');
    expect(found.map((x) => x.properties?.aliases)).toEqual([['CKV_AWS_268']]);
  }, 30_000);
});
