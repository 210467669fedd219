import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { scanCommand } from '../../src/cli/commands/scan.js';
import type { ScanFlags } from '../../src/cli/scan-settings.js';
import { CliError } from '../../src/cli/exit.js';
import { fixtureAnalyzer } from '../support/fixture-analyzer.js';
import { sarifValidator } from '../support/sarif-validator.js';
import { addFormats } from '../support/ajv-formats.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A target with one high and one low finding in app.txt and one critical in docs/readme.txt. */
function makeTarget(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'aigis-contract-'));
  const all = { 'app.txt': 'ok\nFIXTURE-HIGH here\nFIXTURE-LOW there\n', 'docs/readme.txt': 'FIXTURE-CRITICAL example\n', ...files };
  for (const [rel, content] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

async function scan(dir: string, flags: ScanFlags = {}, today = '2026-06-01', cwd = dir) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'aigis-out-')), 'report');
  const code = await scanCommand(dir, { quiet: true, format: 'json', output: out, ...flags }, { analyzers: [fixtureAnalyzer], enrichers: [], today, cwd });
  return { code, text: readFileSync(out, 'utf8') };
}

async function scanJson(dir: string, flags: ScanFlags = {}, today?: string, cwd?: string) {
  const r = await scan(dir, flags, today, cwd);
  return { code: r.code, report: JSON.parse(r.text) as Json };
}

describe('--fail-on', () => {
  it('exits 1 when a finding is at or above the threshold', async () => {
    const dir = makeTarget();
    expect((await scanJson(dir, { failOn: 'critical' })).code).toBe(1);
    expect((await scanJson(dir, { failOn: 'low' })).code).toBe(1);
  });

  it('exits 0 without --fail-on, whatever is found', async () => {
    const r = await scanJson(makeTarget());
    expect(r.report.findings).toHaveLength(3);
    expect(r.code).toBe(0);
  });

  it('exits 0 when every finding is below the threshold', async () => {
    const dir = makeTarget({ 'docs/readme.txt': 'nothing\n', 'app.txt': 'FIXTURE-LOW\nFIXTURE-MEDIUM\n' });
    expect((await scanJson(dir, { failOn: 'high' })).code).toBe(0);
    expect((await scanJson(dir, { failOn: 'medium' })).code).toBe(1);
  });

  it('counts only findings that survive --severity and suppression', async () => {
    const dir = makeTarget();
    expect((await scanJson(dir, { failOn: 'critical', severity: 'high,low' })).code).toBe(0);
    writeFileSync(path.join(dir, '.aigisignore'), '- rule: fixture/critical-marker\n  path: docs/\n  reason: example text, not a real config\n');
    expect((await scanJson(dir, { failOn: 'critical' })).code).toBe(0);
  });
});

describe('--severity', () => {
  it('keeps only the listed severities', async () => {
    const { report } = await scanJson(makeTarget(), { severity: 'critical,low' });
    expect(report.findings.map((f: Json) => f.severity).sort()).toEqual(['critical', 'low']);
    expect(report.summary.bySeverity).toMatchObject({ critical: 1, high: 0, low: 1 });
  });

  it('rejects an unknown severity as a usage error', async () => {
    await expect(scanJson(makeTarget(), { severity: 'urgent' })).rejects.toThrow(CliError);
  });
});

describe('.aigisignore', () => {
  it('is read from the target root by default; suppressed findings are reported and counted', async () => {
    const dir = makeTarget({ '.aigisignore': '- rule: fixture/*\n  path: docs/**\n  reason: documentation samples\n  expires: 2026-12-31\n' });
    const { report } = await scanJson(dir);
    expect(report.findings.map((f: Json) => f.ruleId).sort()).toEqual(['fixture/high-marker', 'fixture/low-marker']);
    expect(report.suppressed).toHaveLength(1);
    expect(report.suppressed[0]).toMatchObject({ by: 'ignore-file', reason: 'documentation samples', expires: '2026-12-31' });
    expect(report.suppressed[0].finding.location.path).toBe('docs/readme.txt');
    expect(report.summary.suppressed).toBe(1);
  });

  it('stops suppressing after the expiry date and says so in a warning note', async () => {
    const dir = makeTarget({ '.aigisignore': '- rule: fixture/critical-marker\n  reason: will be fixed in Q1\n  expires: 2026-03-31\n' });
    const before = await scanJson(dir, {}, '2026-03-31');
    expect(before.report.suppressed).toHaveLength(1);
    const after = await scanJson(dir, { failOn: 'critical' }, '2026-04-01');
    expect(after.report.suppressed).toHaveLength(0);
    expect(after.report.findings.some((f: Json) => f.ruleId === 'fixture/critical-marker')).toBe(true);
    expect(after.code).toBe(1);
    const note = after.report.notes.find((n: Json) => n.source === 'suppress/expired');
    expect(note.level).toBe('warning');
    expect(note.message).toMatch(/expired on 2026-03-31/);
    expect(after.report.summary.expiredIgnores).toBe(1);
  });

  it('rejects an entry without a reason with a clear usage error', async () => {
    const dir = makeTarget({ '.aigisignore': '- rule: fixture/high-marker\n  path: app.txt\n' });
    await expect(scanJson(dir)).rejects.toThrow(/\.aigisignore:1 \(entry 1\): missing "reason"/);
    await expect(scanJson(dir)).rejects.toBeInstanceOf(CliError);
  });

  it('--ignore-file names another file, and a missing one is a usage error', async () => {
    const dir = makeTarget();
    const other = path.join(dir, 'ci-ignores.yaml');
    writeFileSync(other, '- rule: fixture/low-marker\n  reason: accepted risk\n');
    const { report } = await scanJson(dir, { ignoreFile: other });
    expect(report.suppressed.map((s: Json) => s.finding.ruleId)).toEqual(['fixture/low-marker']);
    await expect(scanJson(dir, { ignoreFile: path.join(dir, 'nope.yaml') })).rejects.toThrow(/--ignore-file: file not found/);
  });

  it('suppression is visible in every format', async () => {
    const dir = makeTarget({ '.aigisignore': '- rule: fixture/low-marker\n  reason: accepted risk\n' });
    expect((await scan(dir, { format: 'table' })).text).toMatch(/1 suppressed \(1 ignore file\)/);
    expect((await scan(dir, { format: 'markdown' })).text).toMatch(/1 suppressed \(1 ignore file\)/);
    const sarif = JSON.parse((await scan(dir, { format: 'sarif' })).text);
    expect(sarif.runs[0].results.filter((r: Json) => r.suppressions?.[0]?.kind === 'external')).toHaveLength(1);
  });
});

describe('aigis.yaml', () => {
  it('sets defaults that flags override', async () => {
    const dir = makeTarget({
      'aigis.yaml': 'fail-on: low\nseverity: [critical, high]\nignore:\n  - rule: fixture/high-marker\n    reason: tracked in JIRA-12\n',
    });
    const fromConfig = await scanJson(dir);
    expect(fromConfig.code).toBe(1);
    expect(fromConfig.report.findings.map((f: Json) => f.severity)).toEqual(['critical']);
    expect(fromConfig.report.suppressed[0]).toMatchObject({ by: 'config', reason: 'tracked in JIRA-12' });
    const overridden = await scanJson(dir, { failOn: 'critical', severity: 'low' });
    expect(overridden.code).toBe(0);
    expect(overridden.report.findings.map((f: Json) => f.severity)).toEqual(['low']);
  });

  it('is found at the target root; ./aigis.yaml in the working directory wins over it', async () => {
    const dir = makeTarget({ 'aigis.yaml': 'severity: critical\n' });
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'aigis-cwd-'));
    expect((await scanJson(dir, {}, undefined, elsewhere)).report.findings).toHaveLength(1);
    writeFileSync(path.join(elsewhere, 'aigis.yaml'), 'severity: low\n');
    expect((await scanJson(dir, {}, undefined, elsewhere)).report.findings.map((f: Json) => f.severity)).toEqual(['low']);
  });

  it('does not follow a symbolic link named aigis.yaml or .aigisignore inside the target', async () => {
    const dir = makeTarget();
    const outside = mkdtempSync(path.join(tmpdir(), 'aigis-outside-'));
    writeFileSync(path.join(outside, 'cfg.yaml'), 'severity: critical\n');
    writeFileSync(path.join(outside, 'ign.yaml'), '- rule: fixture/*\n  reason: hidden\n');
    symlinkSync(path.join(outside, 'cfg.yaml'), path.join(dir, 'aigis.yaml'));
    symlinkSync(path.join(outside, 'ign.yaml'), path.join(dir, '.aigisignore'));
    const { report } = await scanJson(dir, {}, undefined, outside);
    expect(report.findings).toHaveLength(3);
    expect(report.suppressed).toHaveLength(0);
  });

  it('ignore-file in aigis.yaml is relative to the config file and must exist', async () => {
    const dir = makeTarget({ 'security/ci.yaml': 'ignore-file: accepted.yaml\n', 'security/accepted.yaml': '- rule: fixture/high-marker\n  reason: tracked\n' });
    const { report } = await scanJson(dir, { config: path.join(dir, 'security/ci.yaml') });
    expect(report.suppressed.map((x: Json) => x.finding.ruleId)).toEqual(['fixture/high-marker']);
    writeFileSync(path.join(dir, 'security/ci.yaml'), 'ignore-file: missing.yaml\n');
    await expect(scanJson(dir, { config: path.join(dir, 'security/ci.yaml') })).rejects.toThrow(/ignore-file in aigis.yaml: file not found/);
  });

  it('--config names the file; unknown keys are rejected', async () => {
    const dir = makeTarget();
    const cfg = path.join(dir, 'custom.yaml');
    writeFileSync(cfg, 'skip-dirs: [docs]\n');
    expect((await scanJson(dir, { config: cfg })).report.findings).toHaveLength(2);
    writeFileSync(cfg, 'fail_on: high\n');
    await expect(scanJson(dir, { config: cfg })).rejects.toThrow(/unknown key "fail_on"/);
  });
});

describe('reports of real scans validate against their schemas', () => {
  it('JSON report matches schemas/report.v1.schema.json', async () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../schemas/report.v1.schema.json'), 'utf8'));
    const validate = ajv.compile(schema);
    const dir = makeTarget({ '.aigisignore': '- rule: fixture/low-marker\n  reason: accepted\n- rule: fixture/info-marker\n  reason: old\n  expires: 2020-01-01\n' });
    const { report } = await scanJson(dir);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('SARIF of a real scan validates against SARIF 2.1.0', async () => {
    const validate = sarifValidator();
    const dir = makeTarget({ 'we ird|name.txt': 'FIXTURE-MEDIUM\n', '.aigisignore': '- rule: fixture/low-marker\n  reason: accepted\n' });
    const sarif = JSON.parse((await scan(dir, { format: 'sarif' })).text);
    expect(sarif.runs[0].results.length).toBe(4);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
  });
});
