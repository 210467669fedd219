/**
 * End to end through the compiled CLI (`npm test` builds dist/ first): the bundled example fails
 * `--fail-on high` because of its vulnerable pins, and `aigis db` import/status work on a private
 * cache directory; a corrupt import exits 2 and changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { raw } from './helpers.js';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');

function run(args: string[], cache: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, AIGIS_CACHE_DIR: cache } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('aigis scan on the bundled example', () => {
  it('exits 1 with --fail-on high, and reports the AI advisories at their pins', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'aigis-cache-'));
    const r = run(['scan', 'examples/ai-lab', '--fail-on', 'high', '--format', 'json', '-q'], cache);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; location: { path: string; startLine: number } }[] };
    const at = (id: string) => report.findings.filter((f) => f.ruleId === id).map((f) => `${f.location.path}:${f.location.startLine}`);
    expect(at('vuln/GHSA-6wgj-66m2-xxp2')).toEqual(['requirements.txt:2']);
    expect(at('vuln/GHSA-53q9-r3pm-6pq6')).toEqual(['requirements.txt:3']);
    expect(at('vuln/GHSA-c67j-w6g6-q2cm')).toEqual(['requirements.txt:5']);
    expect(at('vuln/PYSEC-2024-154')).toEqual(['requirements.txt:7']);
    expect(at('vuln/GHSA-7f8r-222p-6f5g')).toEqual(['package.json:12']);
    expect(at('vuln/GHSA-6xpm-ggf7-wc3p')).toEqual(['package.json:8']);
  });
});

describe('aigis db', () => {
  it('status, import and a failed import that changes nothing', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'aigis-cache-'));
    expect(run(['db', 'status'], cache).stdout).toMatch(/bundled snapshot \(nothing imported\)/);
    const src = mkdtempSync(path.join(tmpdir(), 'aigis-src-'));
    writeFileSync(path.join(src, 'ray.json'), JSON.stringify(raw('GHSA-6wgj-66m2-xxp2')));
    const ok = run(['db', 'import', path.join(src, 'ray.json'), '--replace'], cache);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/imported 1 records/);
    const before = readFileSync(path.join(cache, 'db', 'advisories.json'), 'utf8');
    writeFileSync(path.join(src, 'bad.zip'), 'PK\x03\x04 truncated');
    const bad = run(['db', 'import', path.join(src, 'bad.zip')], cache);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/corrupt zip.*the database was not changed/);
    expect(readFileSync(path.join(cache, 'db', 'advisories.json'), 'utf8')).toBe(before);
    const status = JSON.parse(run(['db', 'status', '--format', 'json'], cache).stdout) as { mode: string; records: number };
    expect(status).toMatchObject({ mode: 'local', records: 1 });
  });
});
