/** `aigis detect` and `aigis rules export` end to end (the built CLI, as test/cli does). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulePath } from '../../src/runtime/sigma/loader.js';
import { corpus } from './shared-corpora.js';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');
const logs = path.join(root, 'examples/ai-lab/logs');
const mfa = corpus('stratus-cloudtrail', 'aws.initial-access.console-login-without-mfa.json');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, input, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('aigis detect', () => {
  it('tells the LLMjacking story of the example and honours --fail-on', () => {
    const r = run(['detect', logs, '--format', 'json', '--fail-on', 'high']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.command).toBe('detect');
    expect(report.target.type).toBe('events');
    const ids = new Set(report.findings.map((f: { ruleId: string }) => f.ruleId));
    for (const id of ['detect/bedrock-llmjacking-recon-then-invoke', 'detect/bedrock-invocation-logging-removed', 'detect/k8s-exec-into-ai-pod', 'detect/falco-shell-in-ai-container']) expect(ids).toContain(id);
    expect(report.findings.every((f: { category: string; location: { eventIds: string[] } }) => f.category === 'detection' && f.location.eventIds.length > 0)).toBe(true);
    expect(report.rules.map((x: { id: string }) => x.id)).toContain('detect/bedrock-llmjacking-recon-then-invoke');
  });
  it('exits 0 when nothing is at or above --fail-on', () => {
    const r = run(['detect', path.join(logs, 'k8s-audit.jsonl'), '--fail-on', 'critical', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('detect/k8s-exec-into-ai-pod');
  });
  it('writes JSON lines, one finding per line', () => {
    const r = run(['detect', path.join(logs, 'falco.jsonl'), '--format', 'jsonl', '-q']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((f) => f.ruleId).sort()).toEqual(['detect/falco-miner-in-ai-container', 'detect/falco-shell-in-ai-container']);
  });
  it('filters events with --since and --until', () => {
    const all = JSON.parse(run(['detect', logs, '-f', 'json', '-q']).stdout).findings.length;
    const late = JSON.parse(run(['detect', logs, '-f', 'json', '-q', '--since', '2026-11-20T10:09:00Z']).stdout).findings;
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(all);
    expect(late.every((f: { properties: { time: string } }) => f.properties.time >= '2026-11-20T10:09:00')).toBe(true);
    const none = JSON.parse(run(['detect', logs, '-f', 'json', '-q', '--until', '2026-11-19']).stdout).findings;
    expect(none).toEqual([]);
  });
  it('redacts streamed JSON lines (stdout and -o) exactly as the report redacts its findings', () => {
    // A credential where scanned content reaches an alert: the identity (message, properties).
    const token = ['ghp', 'ma6DsAKnGbkuaIU6dxKO7rYbbGsTac6Ama6D'].join('_');
    const ev = {
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      eventID: 'e-redact-1',
      eventTime: '2026-11-20T10:00:00Z',
      additionalEventData: { MFAUsed: 'No' },
      responseElements: { ConsoleLogin: 'Success' },
      userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/${token}`, userName: token },
    };
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-detect-redact-'));
    const events = path.join(dir, 'events.jsonl');
    writeFileSync(events, JSON.stringify(ev) + '\n');
    const report = JSON.parse(run(['detect', events, '-f', 'json', '-q']).stdout);
    const streamed = run(['detect', events, '-f', 'jsonl', '-q']).stdout;
    const out = path.join(dir, 'alerts.jsonl');
    run(['detect', events, '-f', 'jsonl', '-q', '-o', out]);
    const written = readFileSync(out, 'utf8');
    expect(report.findings).toHaveLength(1);
    expect(JSON.stringify(report.findings[0])).toContain('ghp_');
    for (const text of [JSON.stringify(report), streamed, written]) expect(text).not.toContain(token);
    const strip = (f: Record<string, unknown>) => ({ ...f, occurrence: undefined });
    expect(strip(JSON.parse(streamed))).toEqual(strip(report.findings[0]));
    expect(strip(JSON.parse(written))).toEqual(strip(report.findings[0]));
  });
  it('reads stdin with -', () => {
    const r = run(['detect', '-', '-f', 'json', '-q'], readFileSync(mfa, 'utf8'));
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['detect/console-login-without-mfa']);
  });
  it('runs SigmaHQ rules with --rules and credits their author', () => {
    const r = run(['detect', mfa, '--no-builtin', '--rules', corpus('sigma'), '-f', 'json', '-q']);
    const report = JSON.parse(r.stdout);
    const f = report.findings.find((x: { ruleId: string }) => x.ruleId === 'sigma/77caf516-34e5-4df9-b4db-20744fea0a60');
    expect(f).toBeDefined();
    expect(f.properties.author).toBe('Thuya@Hacktilizer, Ivan Saakov');
    expect(report.rules[0].description).toContain('Detection Rule License');
  });
  it('counts malformed records in a note and goes on', () => {
    const r = run(['detect', '-', '-f', 'json', '-q'], '{"eventSource":"cloudtrail.amazonaws.com","eventName":"StopLogging","eventID":"x1"}\n{broken\n');
    const report = JSON.parse(r.stdout);
    expect(report.findings).toHaveLength(1);
    expect(report.notes.some((n: { message: string }) => n.message.includes('1 malformed record'))).toBe(true);
  });
  it('exits 2 on usage errors', () => {
    expect(run(['detect']).code).toBe(2);
    expect(run(['detect', logs, '--source', 'syslog']).code).toBe(2);
    expect(run(['detect', '/no/such/trail.json']).code).toBe(2);
    expect(run(['detect', logs, '--since', 'yesterday-ish']).code).toBe(2);
    const r = run(['detect', '--listen', '0.0.0.0:28011']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('without --token');
  });
});

describe('aigis rules export --format sigma', () => {
  it('writes the built-in pack as Sigma files that load back unchanged', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-export-'));
    const r = run(['rules', 'export', '--format', 'sigma', '--output', dir]);
    expect(r.code).toBe(0);
    const back = loadRulePath(dir);
    expect(back.problems).toEqual([]);
    expect(back.rules.map((x) => x.id).sort()).toEqual(loadRulePath(path.join(root, 'rules/runtime')).rules.map((x) => x.id).sort());
  });
  it('exports SIEM-ready Sigma: experimental status, ATLAS/OWASP as references, bare helper rules (issue 14)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-export-'));
    expect(run(['rules', 'export', '--output', dir]).code).toBe(0);
    const back = loadRulePath(dir);
    const byName = new Map(back.rules.map((x) => [x.name ?? x.id, x]));
    for (const x of back.rules) expect(x.tags.filter((t) => /^(atlas|owasp)\./.test(t))).toEqual([]);
    // Sigma tags appendix namespaces only (pySigma's validator rejects others).
    for (const x of back.rules) for (const t of x.tags) expect(t).toMatch(/^(attack|car|cve|d3fend|detection|stp|tlp)\./);
    const miner = byName.get('falco-miner-in-ai-container')!;
    expect(miner.status).toBe('experimental');
    expect(miner.references).toContain('https://atlas.mitre.org/techniques/AML.T0034');
    // A helper of the LLMjacking correlation: title, id, name, logsource, detection and nothing else.
    const corr = back.rules.find((x) => x.name === 'bedrock-llmjacking-recon-then-invoke');
    expect(corr?.type === 'correlation' && corr.status).toBe('experimental');
    const helperName = corr?.type === 'correlation' ? corr.rules[0] : '';
    expect(Object.keys(byName.get(helperName)!.raw).sort()).toEqual(['detection', 'id', 'logsource', 'name', 'title']);
  });
  it('exports the AI image list as a Falco list and macro', () => {
    const r = run(['rules', 'export', '--format', 'falco']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^- list: ai_images\n {2}items: \[.*"vllm\/vllm-openai".*\]$/m);
    expect(r.stdout).toMatch(/^- macro: ai_container\n {2}condition: \(container and \(container\.image\.repository in \(ai_images\).* or container\.image\.repository glob "nvcr\.io\/nim\/\*"/m);
  });
  it('writes a multi-document YAML stream to stdout', () => {
    const r = run(['rules', 'export']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('name: bedrock-llmjacking-recon-then-invoke');
    expect(r.stdout.split('\n---\n').length).toBeGreaterThan(20);
  });

  it('a --rules path that does not exist is a usage error (exit 2), not a note', () => {
    const r = run(['detect', 'examples/ai-lab/logs', '--rules', 'no/such/rules.yml', '--fail-on', 'critical']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('aigis: --rules no/such/rules.yml: no such file or directory\n');
  });

  it('says why there is nothing to report when --since/--until leave no event (a warning, shown by the table)', () => {
    const none = run(['detect', 'examples/ai-lab/logs', '--since', '2100-01-01T00:00:00Z']);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/\[warning\] \d+ event\(s\) outside --since\/--until \(or without a time\) were skipped/);
    const some = JSON.parse(run(['detect', 'examples/ai-lab/logs', '--since', '2000-01-01T00:00:00Z', '-f', 'json']).stdout) as { notes: { level: string; message: string }[] };
    expect(some.notes.filter((n) => n.level === 'warning' && /outside --since/.test(n.message))).toEqual([]);
  });
});

