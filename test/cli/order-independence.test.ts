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

describe('a library extra beside an application requirement (issue 13.1 / 13.6)', () => {
  // The application pins nothing (a critically affected range); a sibling library offers the same
  // package as an extra. Whichever is read first, the application's range gets its note and the
  // library's extra does not; the merged package keeps neither file's range or scope as its own.
  const extras = (appDir: string, libDir: string): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-order-extra-'));
    mkdirSync(path.join(dir, appDir));
    mkdirSync(path.join(dir, libDir));
    writeFileSync(path.join(dir, appDir, 'requirements.txt'), 'fastapi==0.115.6\nlangchain-core>=0.3,<2\n');
    writeFileSync(
      path.join(dir, libDir, 'pyproject.toml'),
      '[project]\nname = "rag-tools"\nversion = "0.4.0"\ndependencies = ["httpx>=0.27"]\n\n[project.optional-dependencies]\nlangchain = ["langchain-core>=0.2"]\n',
    );
    return dir;
  };
  const first = extras('aaa', 'zzz');
  const last = extras('zzz', 'aaa');
  const neutral = (p: string, app: string) => (p.startsWith(`${app}/`) ? `APP/${p.slice(4)}` : `LIB/${p.slice(4)}`);

  it('scan: the application range is noted in either order, the extra never', () => {
    const notes = (dir: string, app: string) =>
      scan(dir, 'scan').findings!.filter((f) => f.ruleId === 'vuln/unpinned-ai-package').map((f) => `${neutral(f.location.path, app)} ${f.evidence}`);
    expect(notes(first, 'aaa')).toEqual(['APP/requirements.txt langchain-core >=0.3,<2']);
    expect(notes(last, 'zzz')).toEqual(notes(first, 'aaa'));
  });

  it('bom: the merged package is the same in either order, each declaration with its own range and scope', () => {
    const pkg = (dir: string, app: string) => {
      const a = scan(dir, 'bom').assets.find((x) => x.id === 'pkg:pypi/langchain-core')!;
      const { requirements, ...rest } = a.properties as { requirements: { path: string; line: number; specifier: string; scope?: string }[]; specifier?: string; scope?: string };
      return { rest, requirements: requirements.map((r) => ({ ...r, path: neutral(r.path, app) })).sort((x, y) => x.path.localeCompare(y.path)) };
    };
    const a = pkg(first, 'aaa');
    expect(a.requirements).toEqual([
      { path: 'APP/requirements.txt', line: 2, specifier: '>=0.3,<2' },
      { path: 'LIB/pyproject.toml', line: 7, specifier: '>=0.2', scope: 'extra:langchain' },
    ]);
    // No single range or scope stands for both files.
    expect(a.rest.specifier).toBeUndefined();
    expect(a.rest.scope).toBeUndefined();
    expect(pkg(last, 'zzz')).toEqual(a);
  });
});

