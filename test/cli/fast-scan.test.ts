/**
 * The start-up fast path of `aigis scan` (src/cli/fast-scan.ts) must read every command line it
 * accepts exactly as commander does (same target, same flags object, same AIGIS_* variables), and
 * leave every other line to commander.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseScanArgs } from '../../src/cli/fast-scan.js';
import { buildProgram } from '../../src/cli/program.js';

type Env = Record<string, string>;

let saved: NodeJS.ProcessEnv;
beforeEach(() => {
  saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (k.startsWith('AIGIS_')) delete process.env[k];
});
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

/** What commander hands the scan action for `aigis scan ...args` under `env`. */
async function viaCommander(args: string[], env: Env): Promise<{ target: string; flags: Record<string, unknown> }> {
  Object.assign(process.env, env);
  const argv = ['node', 'aigis', 'scan', ...args];
  const program = await buildProgram(argv);
  let got: { target: string; flags: Record<string, unknown> } | undefined;
  program.commands.find((c) => c.name() === 'scan')!.action((target: string, flags: Record<string, unknown>) => {
    got = { target, flags: { ...flags } };
  });
  await program.parseAsync(argv);
  return got!;
}

const LINES: [string[], Env][] = [
  [[], {}],
  [['dir'], {}],
  [['dir', '-f', 'json'], {}],
  [['-f', 'json', 'dir'], {}],
  [['--format=json', 'dir'], {}],
  [['--format', 'sarif', '--format', 'json'], {}],
  [['--format='], {}],
  [['-q'], {}],
  [['--quiet', 'x'], {}],
  [['help'], {}],
  [[''], {}],
  [['--skip-dirs', 'a,b', '--skip-dirs', 'c'], {}],
  [['--skip-dirs=a, b,,c', '--skip-files', '*.log'], {}],
  [['--vuln-report', 'a,b.json', '--vuln-report', 'c.json'], {}],
  [['--check', 'tf/*', '--skip-check', 'tf/s3-*', '--scanners', 'secret,model'], {}],
  [['--cache-dir', '/tmp/cache', '.'], {}],
  [['-o', 'out.json', '--fail-on', 'high', '--severity', 'critical,high'], {}],
  [['--max-file-size', '10MB', '--timeout', '5000'], {}],
  [['--config', 'a.yaml', '--ignore-file', 'i', '--baseline', 'b.json'], {}],
  [['--upload', 'https://aigis.example/api/v1/reports?project=p'], {}],
  [['dir'], { AIGIS_FORMAT: 'json' }],
  [['-f', 'sarif'], { AIGIS_FORMAT: 'json' }],
  [[], { AIGIS_QUIET: 'yes' }],
  [[], { AIGIS_QUIET: '0' }],
  [['-q'], { AIGIS_QUIET: 'off' }],
  [[], { AIGIS_QUIET: '' }],
  [['--skip-dirs', 'x'], { AIGIS_SKIP_DIRS: 'a,b', AIGIS_SKIP_FILES: 'c' }],
  [[], { AIGIS_CACHE_DIR: '/tmp/x', AIGIS_VULN_REPORT: 'a,b', AIGIS_FAIL_ON: 'low' }],
];

describe('aigis scan fast path', () => {
  it.each(LINES)('reads %j (env %j) as commander does', async (args, env) => {
    const fast = parseScanArgs(args, env);
    expect(fast).toBeDefined();
    expect(fast).toEqual(await viaCommander(args, env));
  });

  it('rejects a bad boolean variable with the same message', async () => {
    const env = { AIGIS_QUIET: 'maybe' };
    expect(() => parseScanArgs([], env)).toThrow('AIGIS_QUIET: expected true or false, got "maybe"');
    await expect(viaCommander([], env)).rejects.toThrow('AIGIS_QUIET: expected true or false, got "maybe"');
  });

  it.each([
    [['--help']],
    [['-h']],
    [['-V']],
    [['dir', '--version']],
    [['-fjson']],
    [['-qf', 'json']],
    [['--', 'x']],
    [['a', 'b']],
    [['--format']],
    [['-f']],
    [['--quiet=1']],
    [['--exit-code', '1']],
    [['-o', '--version']],
    [['--output', '-']],
    [['--formt', 'json']],
    [['-']],
  ])('leaves %j to commander', (args) => {
    expect(parseScanArgs(args, {})).toBeUndefined();
  });
});

describe('aigis scan through either path', () => {
  const cli = path.resolve(import.meta.dirname, '../../dist/cli/main.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'aigis-fast-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same report (commander reads -fjson, the fast path -f json)', () => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'langchain==0.0.1\nopenai\n');
    const run = (args: string[]) => {
      const r = spawnSync(process.execPath, [cli, 'scan', dir, ...args], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      // Timestamps and durations aside (dropped wherever they occur), the reports are equal.
      return JSON.parse(r.stdout, (key, value: unknown) => (key === 'createdAt' || key === 'durationMs' ? undefined : value)) as { findings: unknown[] };
    };
    const fast = run(['-f', 'json', '-q']);
    expect(fast.findings.length).toBeGreaterThan(0);
    expect(run(['-fjson', '-q'])).toEqual(fast);
  });
});
