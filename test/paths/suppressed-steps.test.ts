/**
 * An attack path that rests on a suppressed finding is suppressed with it, whatever suppressed the
 * finding: inline (the path is never built), `.aigisignore` or aigis.yaml (the path finding stays in
 * the report as suppressed, with the reason). Before, a key accepted in `.aigisignore` still failed the
 * gate through its `path/leaked-key-to-ai-account` finding.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model.js';
import { writeTree } from '../support/tree.js';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'aigis-path-suppressed-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A credential-shaped value that passes the look-alike filters, fixed for the test. */
function randomPart(seed: string, length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const bytes = createHash('sha512').update(seed).digest();
  let out = '';
  for (let i = 0; out.length < length; i++) out += alphabet[bytes[i % bytes.length] % alphabet.length];
  return out;
}
const KEY = `sk-proj-${randomPart('a', 60)}T3BlbkFJ${randomPart('b', 60)}`;

const project = (name: string, files: Record<string, string>): string => writeTree(tmp, name, files);

function scan(dir: string): { code: number | null; report: Report } {
  const r = spawnSync(process.execPath, [cli, 'scan', dir, '-q', '-f', 'json', '--fail-on', 'high'], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, report: JSON.parse(r.stdout) as Report };
}

const client = `client = OpenAI(api_key="${KEY}")\n`;

describe('attack paths resting on a suppressed finding', () => {
  it('unsuppressed (twin): the key and its path both fail the gate', () => {
    const { code, report } = scan(project('plain', { 'tests/test_client.py': client }));
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.ruleId).sort()).toEqual(['path/leaked-key-to-ai-account', 'secret/openai-api-key']);
    expect(report.paths?.items).toHaveLength(1);
  });

  it('.aigisignore: the path finding is suppressed with the key, and the gate passes', () => {
    const dir = project('ignore-file', {
      'tests/test_client.py': client,
      '.aigisignore': '- { rule: secret/openai-api-key, path: "tests/**", reason: "test fixture key, revoked" }\n',
    });
    const { code, report } = scan(dir);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.paths?.items ?? []).toEqual([]);
    expect(report.suppressed.map((s) => [s.finding.ruleId, s.by, s.reason]).sort()).toEqual([
      ['path/leaked-key-to-ai-account', 'ignore-file', 'a step of the path rests on secret/openai-api-key, which is suppressed: test fixture key, revoked'],
      ['secret/openai-api-key', 'ignore-file', 'test fixture key, revoked'],
    ]);
  });

  it('inline: the same exit code (the path is never built)', () => {
    const dir = project('inline', { 'tests/test_client.py': client.replace('\n', '  # aigis-ignore: secret/openai-api-key test fixture key, revoked\n') });
    const { code, report } = scan(dir);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((s) => s.finding.ruleId)).toEqual(['secret/openai-api-key']);
  });
});
