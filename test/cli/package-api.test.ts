/**
 * Issue 10 items 1 and 2: the package can be used programmatically through its `exports` (with type
 * declarations), tests read nothing outside the repository, and the README installs honestly.
 * Runs against dist/ (`npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe('programmatic use: import { scan } from "aigis"', () => {
  it('resolves through package.json exports and returns a Report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-api-'));
    writeFileSync(path.join(dir, 'app.py'), 'GITHUB_TOKEN = "ghp_ma6DsAKnGbkuaIU6dxKO7rYbbGsTac6Ama6D"\n');
    // A package can import itself by name (Node self-reference), which goes through `exports`.
    const code = `import { scan, render } from 'aigis';
      const report = await scan(${JSON.stringify(dir)}, { severity: ['critical', 'high'] });
      const sarif = JSON.parse(render(report, 'sarif'));
      console.log(JSON.stringify({ command: report.command, rules: report.findings.map((f) => f.ruleId), sarif: sarif.version }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ command: 'scan', rules: [expect.stringMatching(/^secret\/github/)], sarif: '2.1.0' });
  });

  it('ships type declarations for the entry point', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
    expect(pkg.scripts.prepack).toBe('npm run build');
    const dts = readFileSync(path.join(root, 'dist/index.d.ts'), 'utf8');
    expect(dts).toMatch(/export declare function scan\(target: string, options\?: ScanOptions\): Promise<Report>/);
    // Only the tests validate schemas: ajv is not a runtime dependency.
    expect(Object.keys(pkg.dependencies)).not.toContain('ajv');
  });
});

describe('self-contained repository', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const p = path.join(dir, name);
      if (name === 'fixtures' || name === 'node_modules') return [];
      if (statSync(p).isDirectory()) return sources(p);
      return /\.(?:[cm]?[jt]s)$/.test(name) ? [p] : [];
    });
  }

  // The folder beside the checkout that only the development machines have (built from parts, so
  // that this guard does not itself name it).
  const SHARED = ['sha', 'red'].join('');
  const OUTSIDE_READS = new RegExp(`['"\`](?:\\.\\./)+${SHARED}/(?:corpora|advisories|seeds)|/work/${SHARED}`);
  it('no test or bench file reads the shared folder outside the repository', () => {
    const offenders = [...sources(path.join(root, 'test')), ...sources(path.join(root, 'bench'))].filter((f) => f !== __filename &&
      OUTSIDE_READS.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('the copied corpora keep their licences', () => {
    for (const c of ['sigma', 'stratus-cloudtrail', 'picklescan']) expect(existsSync(path.join(root, 'test/fixtures/corpora', c, 'LICENSE'))).toBe(true);
    const notice = readFileSync(path.join(root, 'NOTICE'), 'utf8');
    expect(notice).toMatch(/Detection Rule License \(DRL\) 1\.1/);
    expect(notice).toMatch(/Stratus Red Team[\s\S]*Apache License 2\.0/);
    expect(notice).toMatch(/picklescan[\s\S]*MIT License/);
  });

  it('the README CI snippet installs from the repository, not an unpublished registry name', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/run:\s*npx aigis/);
    expect(readme).toMatch(/run: npm install --global "git\+https:\/\/[^"]+#<commit-or-tag>"/);
  });
});
