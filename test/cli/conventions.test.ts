/**
 * Issue 10 (items 4 and 5) through the built CLI (`npm run build` first): line-independent
 * fingerprints, --baseline, and the CLI conventions (env variables, case-insensitive formats, usage
 * errors, aigis.yaml for bom, --cache-dir, library warnings as notes).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model.js';
import { writeTree } from '../support/tree.js';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'aigis-conventions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** AIGIS_* variables of the caller must not leak into the runs (each test sets its own). */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AIGIS_')));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: tmp, timeout: 120_000, env: { ...cleanEnv, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tree = (name: string, files: Record<string, string>): string => writeTree(tmp, name, files);

// Random-looking (passes the look-alike filters); fake.
const TOKEN = 'ghp_ma6DsAKnGbkuaIU6dxKO7rYbbGsTac6Ama6D';
const TOKEN2 = 'ghp_Qw7ZrT2mXbVn9KcLp4HsYd8FjGa3UeRi6Wo1';
const app = (padding: number, extra = '') => `${'# padding\n'.repeat(padding)}GITHUB_TOKEN = "${TOKEN}"\n${extra}`;

function scanJson(dir: string, ...args: string[]): Report {
  const r = run(['scan', dir, '-q', '-f', 'json', ...args]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Report;
}

describe('stable fingerprints (issue 10.4)', () => {
  const dir = tree('fp', { 'app.py': app(0) });
  const before = scanJson(dir).findings.find((f) => f.ruleId.startsWith('secret/'))!;
  writeFileSync(path.join(dir, 'app.py'), app(10));
  const after = scanJson(dir).findings.find((f) => f.ruleId.startsWith('secret/'))!;

  it('a finding moved down ten lines keeps its stableFingerprint (the line-based v1 changes)', () => {
    expect(before.location.startLine).toBe(1);
    expect(after.location.startLine).toBe(11);
    expect(after.stableFingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(after.stableFingerprint).toBe(before.stableFingerprint);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });

  it('SARIF carries it as partialFingerprints["aigis/v2"]', () => {
    const sarif = JSON.parse(run(['scan', dir, '-q', '-f', 'sarif']).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === after.ruleId);
    expect(result.partialFingerprints).toEqual({ 'aigis/v1': after.fingerprint, 'aigis/v2': after.stableFingerprint });
  });

  it('.aigisignore entries match the stable fingerprint, and old line-based ones still work', () => {
    const entry = (fp: string) => `- rule: ${after.ruleId}\n  fingerprint: ${fp}\n  reason: test key\n`;
    writeFileSync(path.join(dir, '.aigisignore'), entry(before.stableFingerprint!));
    expect(scanJson(dir).suppressed.map((s) => s.finding.stableFingerprint)).toEqual([before.stableFingerprint]);
    writeFileSync(path.join(dir, '.aigisignore'), entry(after.fingerprint));
    expect(scanJson(dir).suppressed).toHaveLength(1);
    rmSync(path.join(dir, '.aigisignore'));
  });

  it('identical findings in one file get distinct stable fingerprints', () => {
    const twice = tree('fp-twice', { 'a.py': `A = "${TOKEN}"\nB = "${TOKEN}"\n` });
    const fps = scanJson(twice).findings.filter((f) => f.ruleId.startsWith('secret/')).map((f) => f.stableFingerprint);
    expect(fps).toHaveLength(2);
    expect(new Set(fps).size).toBe(2);
  });
});

describe('--baseline (issue 10.5)', () => {
  it('reports only findings that are not in the previous report, and counts the rest', () => {
    const dir = tree('baseline', { 'app.py': app(0) });
    const baseline = path.join(tmp, 'baseline.json');
    expect(run(['scan', dir, '-q', '-f', 'json', '-o', baseline]).code).toBe(0);
    // Lines move and a new key appears: only the new key is reported.
    writeFileSync(path.join(dir, 'app.py'), app(5, `OTHER = "${TOKEN2}"\n`));
    const report = scanJson(dir, '--baseline', baseline);
    expect(report.findings.map((f) => f.evidence)).toEqual([expect.stringMatching(/^ghp_Qw7Z/)]);
    expect(report.notes.map((n) => n.message)).toContain('1 finding already in the baseline ' + baseline + ' not reported');
    const bad = run(['scan', dir, '--baseline', path.join(dir, 'app.py')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^aigis: .*app\.py: not JSON/);
  });
});

describe('CLI conventions (issue 10.5)', () => {
  const dir = tree('conv', { 'app.py': app(0), 'vendor/requirements.txt': 'torch==2.5.1\n', 'requirements.txt': 'openai==1.0.0\n' });

  it('--exit-code says that --fail-on is the flag', () => {
    const r = run(['scan', dir, '--exit-code', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^aigis: unknown option --exit-code: use --fail-on <severity>/);
  });

  it('format names are case-insensitive in every command', () => {
    expect(JSON.parse(run(['scan', dir, '-q', '-f', 'JSON']).stdout).schemaVersion).toBe(1);
    expect(JSON.parse(run(['bom', dir, '-q', '-f', 'CycloneDX']).stdout).bomFormat).toBe('CycloneDX');
    expect(Array.isArray(JSON.parse(run(['rules', '-f', 'Json']).stdout))).toBe(true);
    expect(run(['hash', path.join(dir, 'app.py'), '-q', '-f', 'SHA256SUM']).stdout).toMatch(/^[0-9a-f]{64} {2}conv\/app\.py\n$/);
  });

  it('an unknown format for rules and malformed skip globs are usage errors', () => {
    expect(run(['rules', '-f', 'xml'])).toMatchObject({ code: 2, stderr: 'aigis: unknown format "xml" for rules (use table, json)\n' });
    for (const args of [['scan', dir, '--skip-dirs', '[abc'], ['scan', dir, '--skip-files', '{a,b'], ['bom', dir, '--skip-dirs', 'ok,(x']]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^aigis: invalid --skip-(dirs|files) glob "/);
    }
  });

  it('aigis.yaml applies to bom (skip-dirs)', () => {
    const names = (r: ReturnType<typeof run>) => (JSON.parse(r.stdout) as Report).assets.filter((a) => a.kind === 'package').map((a) => a.name).sort();
    expect(names(run(['bom', dir, '-q', '-f', 'json']))).toEqual(['openai', 'torch']);
    writeFileSync(path.join(dir, 'aigis.yaml'), 'skip-dirs: [vendor]\n');
    expect(names(run(['bom', dir, '-q', '-f', 'json']))).toEqual(['openai']);
    rmSync(path.join(dir, 'aigis.yaml'));
  });

  it('AIGIS_* environment variables set every flag; the command line beats them', () => {
    expect(JSON.parse(run(['scan', dir, '-q'], { AIGIS_FORMAT: 'json' }).stdout).schemaVersion).toBe(1);
    expect(run(['scan', dir, '-q', '-f', 'markdown'], { AIGIS_FORMAT: 'json' }).stdout).toMatch(/^### aigis scan/);
    expect(run(['scan', dir, '-q'], { AIGIS_FAIL_ON: 'high' }).code).toBe(1);
    expect(run(['scan', dir, '-q', '--fail-on', 'critical', '--severity', 'low'], { AIGIS_FAIL_ON: 'high' }).code).toBe(0);
    expect(run(['scan', dir, '-q', '-f', 'json'], { AIGIS_SKIP_FILES: '*.py' }).stdout).not.toContain('ghp_');
    expect(run(['scan', dir], { AIGIS_QUIET: 'maybe' })).toMatchObject({ code: 2, stderr: 'aigis: AIGIS_QUIET: expected true or false, got "maybe"\n' });
  });

  it('--cache-dir (and AIGIS_CACHE_DIR) choose the database directory', () => {
    const cache = path.join(tmp, 'cache');
    expect(JSON.parse(run(['db', 'status', '-f', 'json', '--cache-dir', cache]).stdout).path).toBe(path.join(cache, 'db', 'advisories.json'));
    expect(JSON.parse(run(['db', 'status', '-f', 'json'], { AIGIS_CACHE_DIR: cache }).stdout).path).toBe(path.join(cache, 'db', 'advisories.json'));
  });

  it('YAML library warnings become notes, never stderr', () => {
    const yamlDir = tree('yaml-warn', { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  ? [a, b]\n  : c\n' });
    for (const cmd of ['scan', 'bom']) {
      const r = run([cmd, yamlDir, '-q', '-f', 'json']);
      expect(r.stderr).toBe('');
      const notes = (JSON.parse(r.stdout) as Report).notes.map((n) => n.message);
      expect(notes).toContainEqual(expect.stringMatching(/YAML: Keys with collection values will be stringified/));
    }
  });
});
