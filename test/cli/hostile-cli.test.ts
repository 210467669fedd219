/**
 * Issue 9 regressions through the built CLI (`npm run build` first): the scanned tree cannot pick
 * the report's destination or read host files, `-o` never follows a planted symlink, credentials in
 * dependency specifiers and notes never reach any output format, I/O errors are one line and exit 2,
 * and bidi/control characters never reach human output.
 */
import { createHash } from 'node:crypto';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model.js';
import { writeTree } from '../support/tree.js';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'aigis-hostile-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], opts: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, timeout: 120_000, ...opts });
  return { code: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

const tree = (name: string, files: Record<string, string>): string => writeTree(tmp, name, files);

/** A credential-shaped value that passes the look-alike filters (random, no sequences), fixed for the test. */
function token(prefix: string, length: number, alphabet: string): string {
  const bytes = createHash('sha512').update(`aigis-test-${prefix}`).digest();
  let out = '';
  for (let i = 0; out.length < length; i++) out += alphabet[bytes[i % bytes.length] % alphabet.length];
  return prefix + out;
}
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const GITHUB_TOKEN = token('ghp_', 36, `${LETTERS}0123456789`);
const HF_TOKEN = token('hf_', 34, LETTERS);

describe('config inside the scanned target is untrusted (issue 9.1)', () => {
  const victimDir = mkdtempSync(path.join(tmp, 'elsewhere-'));
  const stolen = path.join(victimDir, 'report.md');
  writeFileSync(path.join(victimDir, 'host-ignore'), '- rule: secret/*\n  reason: read from the host\n');
  const dir = tree('untrusted-config', {
    'aigis.yaml': `output: ${stolen}\nformat: markdown\nignore-file: ${path.relative(path.join(tmp, 'untrusted-config'), path.join(victimDir, 'host-ignore'))}\nseverity: [critical, high, medium, low, info]\n`,
    'app.py': 'print("hi")\n',
  });

  it('cannot choose the output path, the format, or an ignore file outside the target', () => {
    const r = run(['scan', dir, '-q'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(existsSync(stolen)).toBe(false);
    // The default format (table) on stdout, not the config's markdown.
    expect(r.stdout).toMatch(/^aigis \S+ — scan /);
    expect(r.stdout).toContain('"output" is ignored');
    expect(r.stdout).toContain('"format" is ignored');
    expect(r.stdout).toMatch(/"ignore-file: \.\.\/.*host-ignore" is refused/);
  });

  it('the notes are in the JSON report too, and the narrowing keys still apply', () => {
    const r = run(['scan', dir, '-q', '-f', 'json'], { cwd: tmp });
    const report = JSON.parse(r.stdout) as Report;
    const notes = report.notes.filter((n) => n.source === 'config').map((n) => n.message);
    expect(notes).toHaveLength(3);
    expect(report.suppressed).toHaveLength(0);
  });

  it('the same file named with --config is trusted: output and format apply', () => {
    const r = run(['scan', dir, '-q', '--config', path.join(dir, 'aigis.yaml')], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(stolen, 'utf8')).toMatch(/^### aigis scan/);
    rmSync(stolen);
  });

  it('./aigis.yaml is the target\'s own when the working directory is the target', () => {
    const r = run(['scan', '.', '-q'], { cwd: dir });
    expect(existsSync(stolen)).toBe(false);
    expect(r.stdout).toContain('"output" is ignored');
  });
});

describe("a target's config narrows the report visibly, never silently", () => {
  const dir = tree('narrowing-config', {
    'aigis.yaml': 'severity: [info]\nskip-dirs: [vendor]\n',
    'app.py': `GH = "${GITHUB_TOKEN}"\n`,
    'vendor/lib.py': `GH = "${GITHUB_TOKEN}"\n`,
  });

  it('its severity filter makes the other findings suppressed by the config, counted and listed', () => {
    const r = run(['scan', dir, '-q', '-f', 'json', '--fail-on', 'high'], { cwd: tmp });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((s) => [s.finding.location.path, s.by, s.reason])).toEqual([['app.py', 'config', 'severity filter (info) in aigis.yaml']]);
    expect((report as unknown as { summary: { suppressed: number } }).summary.suppressed).toBe(1);
    expect(r.stdout).not.toContain(GITHUB_TOKEN);
  });

  it('its skips apply with a warning naming them; --severity overrides its filter', () => {
    const r = run(['scan', dir, '-q', '-f', 'json', '--fail-on', 'high', '--severity', 'critical,high,medium,low,info'], { cwd: tmp });
    const report = JSON.parse(r.stdout) as Report;
    expect(r.code).toBe(1);
    expect(report.findings.map((f) => f.location.path)).toEqual(['app.py']);
    expect(report.suppressed).toEqual([]);
    expect(report.notes.filter((n) => n.source === 'config').map((n) => n.message)).toEqual([expect.stringMatching(/^"skip-dirs" of a config inside the scanned target is applied: "vendor" not scanned/)]);
  });

  it('named with --config it is trusted: the filter drops, as the flag does, and no note', () => {
    const r = run(['scan', dir, '-q', '-f', 'json', '--config', path.join(dir, 'aigis.yaml')], { cwd: tmp });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.findings).toEqual([]);
    expect(report.suppressed).toEqual([]);
    expect(report.notes.filter((n) => n.source === 'config')).toEqual([]);
  });
});

describe('-o never follows a final symlink (issue 9.2)', () => {
  const dir = tree('symlink-out', { 'app.py': 'print("hi")\n', 'events.jsonl': '' });
  const victim = path.join(tmp, 'victim.txt');
  const cases: [string, string[]][] = [
    ['scan', ['scan', dir, '-q', '-f', 'sarif']],
    ['bom', ['bom', dir, '-q', '-f', 'json']],
    ['hash', ['hash', path.join(dir, 'app.py'), '-q']],
    ['detect', ['detect', path.join(dir, 'events.jsonl'), '-q', '-f', 'json']],
  ];
  for (const [name, args] of cases) {
    it(`${name} -o onto a link to a victim replaces the link and leaves the victim unchanged`, () => {
      writeFileSync(victim, 'precious\n');
      const link = path.join(dir, `results-${name}.out`);
      symlinkSync(victim, link);
      const r = run([...args, '-o', link]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(readFileSync(victim, 'utf8')).toBe('precious\n');
      expect(readFileSync(link, 'utf8').length).toBeGreaterThan(10); // now a regular file with the output
    });
  }
});

describe('credentials outside the secrets rule never reach any output (issue 9.3)', () => {
  const dir = tree('specifier-secrets', {
    'requirements.txt': `torch==2.5.1\ngit+https://${GITHUB_TOKEN}@github.com/acme/private-llm.git@v1#egg=private-llm\n`,
    'pyproject.toml': `[project]\nname = "x"\nversion = "1"\ndependencies = ["transformers @ git+https://${GITHUB_TOKEN}@github.com/acme/transformers.git"]\n`,
    Pipfile: `[packages]\nlangchain = {git = "https://${GITHUB_TOKEN}@github.com/acme/langchain.git", ref = "main"}\n`,
    'setup.cfg': `[options]\ninstall_requires =\n    openai @ git+https://${GITHUB_TOKEN}@github.com/acme/openai.git\n`,
    'package.json': JSON.stringify({ name: 'x', version: '1.0.0', dependencies: { openai: `git+https://${GITHUB_TOKEN}@github.com/acme/openai-node.git` } }),
    'environment.yml': `name: env\ndependencies:\n  - python=3.11\n  - pip:\n    - torch\n    - "token=${HF_TOKEN}"\n`,
  });

  const outputs: [string, string[]][] = [
    ...['table', 'json', 'sarif', 'markdown', 'cyclonedx', 'jsonl'].map((f): [string, string[]] => [`scan ${f}`, ['scan', dir, '-q', '-f', f]]),
    ...['table', 'json', 'cyclonedx'].map((f): [string, string[]] => [`bom ${f}`, ['bom', dir, '-q', '--all', '-f', f]]),
  ];
  for (const [name, args] of outputs) {
    it(`${name}: neither planted token appears`, () => {
      const r = run(args);
      expect(r.code).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(100);
      for (const secret of [GITHUB_TOKEN, HF_TOKEN]) {
        expect(r.stdout).not.toContain(secret);
        expect(r.stderr).not.toContain(secret);
        // Not even the random part (the redacted form keeps only a short prefix).
        expect(r.stdout).not.toContain(secret.slice(-20));
      }
    });
  }

  it('the specifiers and the conda note are kept, redacted (not dropped)', () => {
    const report = JSON.parse(run(['bom', dir, '-q', '-f', 'json']).stdout) as Report;
    const specifiers = report.assets.map((a) => a.properties.specifier).filter((s): s is string => typeof s === 'string' && s.includes('github.com/acme'));
    expect(specifiers.length).toBeGreaterThanOrEqual(5);
    for (const s of specifiers) expect(s).toMatch(/^git[+:]https:\/\/ghp_\w{1,8}…\(40 chars\)@github\.com\/acme\//);
    const conda = report.notes.find((n) => n.path === 'environment.yml');
    expect(conda?.message).toMatch(/token=hf_\w{1,8}…\(37 chars\)/);
  });
});

describe('I/O errors are one line and exit 2 (issue 9.7)', () => {
  const dir = tree('io-errors', { 'app.py': 'print("hi")\n' });

  it('-o /dev/full', () => {
    const r = run(['scan', dir, '-q', '-f', 'json', '-o', '/dev/full']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('aigis: cannot write /dev/full: ENOSPC\n');
  });

  it('stdout on a full device', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = run(['scan', dir, '-q', '-f', 'json'], { stdio: ['ignore', fd, 'pipe'] });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('aigis: cannot write to standard output: ENOSPC\n');
    } finally {
      closeSync(fd);
    }
  });

  it('-o into a directory that does not exist fails before the scan (even before the target is opened)', () => {
    const r = run(['scan', '/no/such/target', '-o', path.join(tmp, 'missing', 'r.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^aigis: cannot write .*r\.json: directory .*missing does not exist$/)]);
    for (const cmd of [['bom', '/no/such/target'], ['hash', '/no/such/target'], ['detect', '/no/such/target']]) {
      const b = run([...cmd, '-o', path.join(tmp, 'missing', 'r.json')]);
      expect(b.code).toBe(2);
      expect(b.stderr).toMatch(/^aigis: cannot write .*does not exist\n$/);
    }
  });
});

describe('bidi and control characters never reach human output (issue 9.8)', () => {
  const dir = tree('evil\u202egnp.py\u001b[2J', { 'app.py': 'print("hi")\n' });
  for (const format of ['table', 'markdown']) {
    it(`${format}: U+202E and ESC are neutralised`, () => {
      const r = run(['scan', dir, '-q', '-f', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/evil\?gnp\\?\.py\?\\?\[2J/);
      // eslint-disable-next-line no-control-regex -- the control characters are what must not appear
      expect(r.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u001b]/);
    });
  }
  it('bom table too', () => {
    const r = run(['bom', dir, '-q']);
    expect(r.stdout).toContain('evil?gnp.py');
    // eslint-disable-next-line no-control-regex -- the control characters are what must not appear
    expect(r.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u001b]/);
  });
});
