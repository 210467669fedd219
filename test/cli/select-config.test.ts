/**
 * Selection through aigis.yaml and on every command that reports findings or assets: a trusted config
 * (named with --config, or in a working directory outside the target) selects like the flags; the
 * target's own aigis.yaml may only suppress (skip-check → findings suppressed by the config, visible),
 * and its scanners/check are ignored with a note. `bom --scanners` picks which scanners add assets.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bomCommand } from '../../src/cli/commands/bom.js';
import { scan } from '../../src/index.js';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TrainingData:
    Type: AWS::S3::Bucket
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
`;
// Random-looking (passes the look-alike filters); fake. Something for the secret scanner to find.
const ENV = 'GITHUB_TOKEN = "ghp_Qw7ZrT2mXbVn9KcLp4HsYd8FjGa3UeRi6Wo1"\n';

describe('selection from aigis.yaml', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'aigis-select-'));
  const target = path.join(root, 'repo');
  mkdirSync(target);
  writeFileSync(path.join(target, 'stack.yaml'), TEMPLATE);
  writeFileSync(path.join(target, 'app.py'), ENV);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const rules = (fs: { ruleId: string }[]) => [...new Set(fs.map((f) => f.ruleId))].sort();

  it('without a config: secrets and cfn findings', async () => {
    const r = await scan(target, { cwd: root });
    expect(rules(r.findings).some((id) => id.startsWith('secret/'))).toBe(true);
    expect(rules(r.findings)).toContain('cfn/s3-bucket-unencrypted');
  });

  it('a trusted config selects scanners and checks like the flags', async () => {
    const cwd = path.join(root, 'user');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(path.join(cwd, 'aigis.yaml'), 'scanners: [misconfig]\ncheck: ["cfn/*"]\nskip-check: ["cfn/s3-*"]\n');
    const r = await scan(target, { cwd });
    expect(rules(r.findings).length).toBeGreaterThan(0);
    for (const id of rules(r.findings)) expect(id).toMatch(/^cfn\/(?!s3-)/);
    expect(r.suppressed).toEqual([]);
    // Flags win over the config.
    const flagged = await scan(target, { cwd, check: ['cfn/s3-*'], skipCheck: ['cfn/s3-bucket-public'] });
    expect(rules(flagged.findings)).toEqual(['cfn/s3-bucket-no-public-access-block', 'cfn/s3-bucket-unencrypted']);
  });

  it("the target's own config may only suppress: skip-check suppresses visibly, scanners and check are ignored with a note", async () => {
    writeFileSync(path.join(target, 'aigis.yaml'), 'scanners: [vuln]\ncheck: ["nothing/*"]\nskip-check: ["cfn/s3-*"]\n');
    try {
      const r = await scan(target, { cwd: root });
      expect(rules(r.findings).some((id) => id.startsWith('secret/'))).toBe(true);
      expect(rules(r.findings).some((id) => id.startsWith('cfn/s3-'))).toBe(false);
      const suppressed = r.suppressed.filter((s) => s.finding.ruleId.startsWith('cfn/s3-'));
      expect(suppressed.map((s) => s.finding.ruleId).sort()).toEqual(["cfn/s3-bucket-no-public-access-block", "cfn/s3-bucket-unencrypted"]);
      for (const s of suppressed) expect(s).toMatchObject({ by: 'config', reason: 'skip-check in aigis.yaml' });
      const notes = r.notes.filter((n) => n.source === 'config').map((n) => n.message);
      expect(notes.some((m) => m.startsWith('"scanners" is ignored'))).toBe(true);
      expect(notes.some((m) => m.startsWith('"check" is ignored'))).toBe(true);
    } finally {
      rmSync(path.join(target, 'aigis.yaml'));
    }
  });

  it('bom --scanners: the IaC inventory comes from the misconfig scanner, the rest always runs', async () => {
    const out = (name: string) => path.join(root, name);
    await bomCommand(target, { format: 'json', output: out('all.json'), quiet: true }, root);
    await bomCommand(target, { format: 'json', output: out('vuln.json'), quiet: true, scanners: ['vuln'] }, root);
    const ids = (f: string) => (JSON.parse(readFileSync(out(f), 'utf8')) as { assets: { id: string }[] }).assets.map((a) => a.id);
    expect(ids('all.json')).toContain('cfn:stack.yaml#Notebook');
    expect(ids('vuln.json')).not.toContain('cfn:stack.yaml#Notebook');
    await expect(bomCommand(target, { format: 'json', output: out('x.json'), quiet: true, scanners: ['license'] }, root)).rejects.toThrow(/unknown scanner/);
  });
});
