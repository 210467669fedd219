import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sarifValidator } from '../support/sarif-validator.js';

const root = path.resolve(__dirname, '../..');
// `npm test` builds dist/ before vitest runs (see package.json).
const cli = path.join(root, 'dist/cli/main.js');

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd });
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

  it('format from aigis.yaml applies, and --format overrides it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-cfg-'));
    writeFileSync(path.join(dir, 'aigis.yaml'), 'format: json\n');
    expect(JSON.parse(run(['scan', dir], dir).stdout).schemaVersion).toBe(1);
    expect(run(['scan', dir, '--format', 'markdown'], dir).stdout).toContain('### aigis scan');
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
