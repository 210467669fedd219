/**
 * Issue 9, runtime parts, through the built CLI: each hostile case finishes with exit 0, 1 or 2, no
 * stack trace, and within the memory bound (peak RSS reported by the child itself).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { falco } from './fixtures.js';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');
// The child prints its own peak RSS (KiB) on exit, so the bound is measured, not guessed.
const RSS_HOOK = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxRSS="+process.resourceUsage().maxRSS+"\\n"))';
const MiB = 1024;

function run(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, cli, ...args], { encoding: 'utf8', cwd: root, timeout: 60_000, maxBuffer: 1 << 26 });
  const rss = Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, rssMiB: rss / MiB };
}
const noTrace = (s: string): void => {
  expect(s).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(s).not.toContain('internal error');
};

const dir = mkdtempSync(path.join(tmpdir(), 'aigis-hostile-detect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bombRule = path.join(dir, 'redos.yml');
writeFileSync(
  bombRule,
  `title: ReDoS probe\nid: 0f5a3c1e-0000-4000-8000-000000000001\nlogsource: {product: falco, service: falco}\ndetection:\n  s:\n    output|re: '(a+)+$'\n  condition: s\nlevel: high\n`,
);
const bombAlert = { ...falco('Terminal shell in container', 'vllm/vllm-openai'), output: 'a'.repeat(40) + '!' };

describe('hostile detect input (issue 9)', () => {
  it("a Sigma |re: '(a+)+$' on a 40-character field does not hang detect", () => {
    const events = path.join(dir, 'falco.jsonl');
    writeFileSync(events, JSON.stringify(bombAlert) + '\n' + JSON.stringify({ ...bombAlert, output: 'a'.repeat(40) }) + '\n');
    const r = run(['detect', events, '--no-builtin', '--rules', bombRule, '-f', 'json', '-q']);
    expect(r.code).toBe(0);
    noTrace(r.stderr);
    // The second alert ends in a's: the rule still works, it only cannot be made to backtrack.
    expect(JSON.parse(r.stdout).findings).toHaveLength(1);
  });

  it('the --listen listener answers the same alert and still stops on SIGTERM with its report', async () => {
    const child = spawn(process.execPath, [cli, 'detect', '--listen', '127.0.0.1:0', '--no-builtin', '--rules', bombRule, '-f', 'json', '-q'], { cwd: root });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        const m = /listening for falcosidekick webhooks on (http:\/\/\S+)/.exec(stderr);
        if (m) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`listener exited: ${stderr}`)));
    });
    for (const output of ['a'.repeat(40) + '!', 'a'.repeat(40)]) {
      const res = await fetch(url, { method: 'POST', body: JSON.stringify({ ...bombAlert, output }) });
      expect(res.status).toBe(200);
    }
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    noTrace(stderr);
    expect(JSON.parse(stdout).findings).toHaveLength(1);
  }, 60_000);

  it('a billion-laughs Sigma rule is a note for that rule; the other rules run', () => {
    const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lol.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const rules = path.join(dir, 'lol');
    spawnSync('mkdir', ['-p', rules]);
    writeFileSync(path.join(rules, 'lol.yml'), `title: lol\nlogsource: {product: aws}\n${lol.join('\n')}\ndetection:\n  s: {eventName: *j}\n  condition: s\n`);
    const events = path.join(dir, 'ct.jsonl');
    writeFileSync(events, JSON.stringify({ eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', eventID: 'x1', eventTime: '2026-11-20T10:00:00Z', additionalEventData: { MFAUsed: 'No' }, responseElements: { ConsoleLogin: 'Success' }, userIdentity: { type: 'IAMUser', userName: 'alice' } }) + '\n');
    const r = run(['detect', events, '--rules', rules, '-f', 'json', '-q']);
    expect(r.code).toBe(0);
    noTrace(r.stderr);
    const report = JSON.parse(r.stdout);
    expect(report.notes.find((n: { path?: string; message: string }) => n.path?.endsWith('lol.yml'))?.message).toMatch(/YAML: .*alias/i);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('detect/console-login-without-mfa');
  });

  it('when every rule is refused, each refusal is printed', () => {
    const rules = path.join(dir, 'refused');
    spawnSync('mkdir', ['-p', rules]);
    writeFileSync(path.join(rules, 'a.yml'), `title: a\nlogsource: {product: aws}\ndetection:\n  s: {'f|exists': 'yes'}\n  condition: s\n`);
    writeFileSync(path.join(rules, 'b.yml'), `title: b\nlogsource: {product: aws}\ndetection:\n  s: {'f|i': 'x'}\n  condition: s\n`);
    const r = run(['detect', '-', '--no-builtin', '--rules', rules]);
    expect(r.code).toBe(2);
    noTrace(r.stderr);
    expect(r.stderr).toContain('a.yml');
    expect(r.stderr).toContain('true or false');
    expect(r.stderr).toContain('b.yml');
    expect(r.stderr).toContain('sub-modifier of "re"');
  });

  it('a single 150 MB JSON string costs one pass and stays under 500 MB', () => {
    const file = path.join(dir, 'huge-string.json');
    const fd = openSync(file, 'w');
    writeSync(fd, '"');
    const chunk = Buffer.alloc(1 << 20, 0x61);
    for (let i = 0; i < 150; i++) writeSync(fd, chunk);
    writeSync(fd, '"\n' + JSON.stringify({ eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', eventID: 'y1', additionalEventData: { MFAUsed: 'No' }, responseElements: { ConsoleLogin: 'Success' }, userIdentity: { type: 'IAMUser', userName: 'alice' } }) + '\n');
    closeSync(fd);
    const r = run(['detect', file, '-f', 'json', '-q']);
    expect(r.code).toBe(0);
    noTrace(r.stderr);
    const report = JSON.parse(r.stdout);
    expect(report.notes.map((n: { message: string }) => n.message).join('\n')).toMatch(/longer than 16777216 bytes/);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['detect/console-login-without-mfa']);
    expect(r.rssMiB).toBeLessThan(500);
  }, 60_000);
});
