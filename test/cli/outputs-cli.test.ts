import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { addFormats } from '../support/ajv-formats.js';
import { sarifValidator } from '../support/sarif-validator.js';

const root = path.resolve(__dirname, '../..');
// `npm test` builds dist/ before vitest runs (see package.json).
const cli = path.join(root, 'dist/cli/main.js');

function run(args: string[], cwd = root) {
  // The example's SARIF carries every rule's metadata (over 1 MiB, spawnSync's default buffer).
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('aigis scan outputs (built CLI)', () => {
  it('SARIF of the bundled example validates against SARIF 2.1.0', () => {
    const r = run(['scan', 'examples/ai-lab', '--format', 'sarif', '--quiet']);
    expect(r.code).toBe(0);
    const validate = sarifValidator();
    const doc = JSON.parse(r.stdout);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.runs[0].tool.driver.name).toBe('aigis');
  });

  it('JSON of the bundled example validates against schemas/report.v1.schema.json (catches model/schema drift)', () => {
    const r = run(['scan', 'examples/ai-lab', '--format', 'json', '--quiet']);
    expect(r.code).toBe(0);
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(root, 'schemas/report.v1.schema.json'), 'utf8')));
    const doc = JSON.parse(r.stdout);
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
  });

  it('writes markdown to --output', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-md-'));
    const out = path.join(dir, 'summary.md');
    const r = run(['scan', dir, '--format', 'markdown', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('| Severity | Findings |');
  });

  it('an .aigisignore entry without a reason is a usage error (exit 2) with a clear message', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-ign-'));
    writeFileSync(path.join(dir, '.aigisignore'), '- rule: secret/openai-api-key\n  path: app.py\n');
    const r = run(['scan', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^aigis: .*\.aigisignore:1 \(entry 1\): missing "reason"/);
    expect(r.stdout).toBe('');
  });

  it('a missing --config file is a usage error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-cfg-'));
    const r = run(['scan', dir, '--config', path.join(dir, 'nope.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--config: file not found');
  });

  it("format from the user's aigis.yaml (working directory outside the target) applies, and --format overrides it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-cfg-'));
    const home = mkdtempSync(path.join(tmpdir(), 'aigis-cfg-home-'));
    writeFileSync(path.join(home, 'aigis.yaml'), 'format: json\n');
    expect(JSON.parse(run(['scan', dir], home).stdout).schemaVersion).toBe(1);
    expect(run(['scan', dir, '--format', 'markdown'], home).stdout).toContain('### aigis scan');
  });
});

describe('aigis rules --docs', () => {
  it('writes the rule pages and an index', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'aigis-docs-')), 'rules');
    const r = run(['rules', '--docs', dir]);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'README.md'))).toBe(true);
    expect(r.stdout).toMatch(/^wrote \d+ files to /);
    expect(run(['rules', '--docs', dir, '--check']).code).toBe(0);
    writeFileSync(path.join(dir, 'README.md'), 'stale\n');
    const stale = run(['rules', '--docs', dir, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('changed: README.md');
  });
});
