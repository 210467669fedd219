/**
 * Reports are deterministic on any machine: sorting must not follow the user's locale. Under Danish
 * collation `AA` sorts after `AZ` (it is read as `Å`), so a default-locale sort reorders findings.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');
const dir = mkdtempSync(path.join(tmpdir(), 'aigis-locale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function findingPaths(lang: string): string[] {
  const env = { ...process.env, LANG: lang, LC_ALL: lang };
  const r = spawnSync(process.execPath, [cli, 'scan', dir, '-f', 'json', '-q'], { encoding: 'utf8', env });
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { findings: { location?: { path?: string } }[] }).findings.map((f) => f.location?.path ?? '');
}

describe('report order does not depend on the locale', () => {
  it('Danish and C locales give the same order of findings', () => {
    for (const d of ['AB', 'AA', 'AZ']) {
      mkdirSync(path.join(dir, d));
      writeFileSync(path.join(dir, d, 'requirements.txt'), 'langchain\nopenai\n');
    }
    const c = findingPaths('C.UTF-8');
    expect(c).toEqual(['AA/requirements.txt', 'AB/requirements.txt', 'AZ/requirements.txt']);
    expect(findingPaths('da_DK.UTF-8')).toEqual(c);
  });
});
