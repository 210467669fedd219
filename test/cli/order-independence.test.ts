/**
 * Issue 13: the report must not depend on the order directories are read in. Two trees hold the
 * same files, with the sibling directories' names swapped so that they sort the other way; every
 * finding and every package requirement must be the same, place for place.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');

function tree(apiDir: string, libDir: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'aigis-order-'));
  mkdirSync(path.join(dir, apiDir));
  mkdirSync(path.join(dir, libDir));
  // The service asks for a range that allows critically affected releases; the library does not.
  writeFileSync(path.join(dir, apiDir, 'requirements.txt'), 'langchain-core>=0.3,<2\n');
  writeFileSync(path.join(dir, libDir, 'pyproject.toml'), '[project]\nname = "lib"\ndependencies = ["langchain-core>=1.2.5"]\n');
  return dir;
}

function scan(dir: string, command: 'scan' | 'bom') {
  const r = spawnSync(process.execPath, [cli, command, dir, '--format', 'json', '--quiet'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { findings?: { ruleId: string; message: string; evidence?: string; location: { path: string } }[]; assets: { id: string; properties: Record<string, unknown> }[] };
}

describe('directory order does not change the report', () => {
  // `aaa` sorts before `zzz`: the service's file is read first in one tree and last in the other.
  const first = tree('aaa', 'zzz');
  const last = tree('zzz', 'aaa');
  const neutral = (p: string, api: string) => (p.startsWith(`${api}/`) ? `API/${p.slice(4)}` : `LIB/${p.slice(4)}`);

  it('scan: the same findings at the same files', () => {
    const a = scan(first, 'scan').findings!.map((f) => [f.ruleId, neutral(f.location.path, 'aaa'), f.evidence]);
    const b = scan(last, 'scan').findings!.map((f) => [f.ruleId, neutral(f.location.path, 'zzz'), f.evidence]);
    expect(a).toEqual(b);
    expect(a).toContainEqual(['vuln/unpinned-ai-package', 'API/requirements.txt', 'langchain-core >=0.3,<2']);
    expect(a.filter(([, p]) => p === 'LIB/pyproject.toml')).toEqual([]);
  });

  it('bom: the merged package keeps each file its own range', () => {
    const req = (dir: string, api: string) => {
      const pkg = scan(dir, 'bom').assets.find((x) => x.id === 'pkg:pypi/langchain-core')!;
      return (pkg.properties.requirements as { path: string; specifier: string }[]).map((r) => `${neutral(r.path, api)} ${r.specifier}`).sort();
    };
    expect(req(first, 'aaa')).toEqual(['API/requirements.txt >=0.3,<2', 'LIB/pyproject.toml >=1.2.5']);
    expect(req(last, 'zzz')).toEqual(req(first, 'aaa'));
  });
});
