/**
 * `aigis detect` with the screening thread (--threads 2, forced whatever the input size)
 * writes the same report as with one thread (--threads 1): the built CLI, on the example's logs (CloudTrail
 * directory tree with gzip, audit, Falco) and on a hostile mix with a file that cannot be read.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');
const logs = path.join(root, 'examples/ai-lab/logs');

function detect(threads: '1' | '2', args: string[]): { code: number | null; report: Record<string, unknown>; stderr: string } {
  const r = spawnSync(process.execPath, [cli, 'detect', ...args, '--format', 'json', '--threads', threads], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  const report = JSON.parse(r.stdout) as Record<string, unknown>;
  // Only the clock differs between two runs.
  delete report.createdAt;
  const stats = report.stats as Record<string, unknown> | undefined;
  if (stats) delete stats.durationMs;
  const summary = report.summary as Record<string, unknown> | undefined;
  if (summary) delete summary.durationMs;
  return { code: r.status, report, stderr: r.stderr };
}

const strip = (x: unknown): string => JSON.stringify(x).replace(/"durationMs":\d+/g, '').replace(/"createdAt":"[^"]*"/g, '');

describe('detect on two threads', () => {
  it('reports the example logs exactly as one thread does', () => {
    const one = detect('1', [logs]);
    const two = detect('2', [logs]);
    expect(two.code).toBe(one.code);
    expect((one.report.findings as unknown[]).length).toBeGreaterThan(5);
    expect(strip(two.report)).toBe(strip(one.report));
  });

  it('reports a hostile mix, a gzip file and a corrupt one exactly as one thread does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-threads-'));
    const ev = (name: string, i: number, extra = '') => `{"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::1:user/u"},"eventSource":"cloudtrail.amazonaws.com","eventName":"${name}","eventID":"e${i}"${extra}}`;
    const lines: string[] = [];
    for (let i = 0; i < 4000; i++) {
      if (i % 97 === 0) lines.push(ev('StopLogging', i));
      else if (i % 101 === 0) lines.push('{"eventName": "Broken"');
      else if (i % 103 === 0) lines.push(ev('Stop\\u004cogging', i));
      else if (i % 107 === 0) lines.push('not json at all');
      else lines.push(ev('DescribeInstances', i, ',"requestParameters":null'));
    }
    const mix = path.join(dir, 'mix.jsonl');
    writeFileSync(mix, lines.join('\n'));
    const gz = path.join(dir, 'trail.json.gz');
    writeFileSync(gz, gzipSync(JSON.stringify({ Records: lines.slice(0, 500).filter((l) => l.startsWith('{"user')).map((l) => JSON.parse(l)) })));
    // A gzip stream that breaks after its first records: a read error in the middle of an input.
    const corrupt = path.join(dir, 'corrupt.json.gz');
    const good = gzipSync(lines.slice(0, 2000).join('\n'));
    writeFileSync(corrupt, Buffer.concat([good.subarray(0, good.length >> 1), Buffer.alloc(64, 0xa5)]));
    const args = [mix, gz, path.join(logs, 'falco.jsonl'), corrupt, mix];
    const one = detect('1', args);
    const two = detect('2', args);
    expect(two.code).toBe(one.code);
    expect((one.report.findings as unknown[]).length).toBeGreaterThan(40);
    expect(strip(two.report)).toBe(strip(one.report));
    expect(strip(one.report.notes)).toContain('read failed');
  });

  // The screening thread starts before the rules are loaded (parallel.ts); a run that stops before it is
  // given work must end as the one-thread run does, not wait for the idle thread.
  it('ends like one thread when every rule is refused or an input is missing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-threads-'));
    const bad = path.join(dir, 'bad.yml');
    writeFileSync(bad, 'title: not a rule\n');
    const run = (threads: '1' | '2', args: string[]) => {
      const r = spawnSync(process.execPath, [cli, 'detect', ...args, '--threads', threads], { encoding: 'utf8', cwd: root, timeout: 30_000 });
      return { code: r.status, signal: r.signal, stderr: r.stderr };
    };
    for (const args of [[logs, '--no-builtin', '--rules', bad], [logs, path.join(dir, 'missing.jsonl')]]) {
      const one = run('1', args);
      const two = run('2', args);
      expect(two.signal).toBeNull(); // not killed by the timeout
      expect(one.code).toBe(2);
      expect(two.code).toBe(one.code);
      expect(two.stderr).toBe(one.stderr);
    }
  });
});
