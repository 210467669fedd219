import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
// `npm test` builds dist/ before vitest runs (see package.json).
const cli = path.join(root, 'dist/cli/main.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI exit-code contract', () => {
  it('exits 0 on an empty directory even with --fail-on low', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-empty-'));
    const r = run(['scan', dir, '--fail-on', 'low']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No findings.');
  });

  it('exits 2 with a one-line message on a missing target', () => {
    const r = run(['scan', '/definitely/not/here']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('target not found');
  });

  it('exits 2 on an unknown severity or format', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-empty-'));
    expect(run(['scan', dir, '--fail-on', 'bogus']).code).toBe(2);
    expect(run(['scan', dir, '--format', 'bogus']).code).toBe(2);
  });

  it('exits 2 with one line when --output cannot be written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-empty-'));
    const r = run(['scan', dir, '--output', path.join(dir, 'missing-dir', 'report.json'), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^aigis: cannot write .*report\.json: directory .*missing-dir does not exist$/)]);
  });

  it('exits 2 on an unknown command', () => {
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('scans a single file target', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-file-'));
    const f = path.join(dir, 'a.txt');
    writeFileSync(f, 'hello\n');
    const r = run(['scan', f, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).target.type).toBe('file');
  });
});
