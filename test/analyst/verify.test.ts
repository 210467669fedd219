/** The check of a model's answer against the report: citations that are not in it are marked. */
import { describe, expect, it } from 'vitest';
import { chatUrl } from '../../src/analyst/llm.js';
import { verifyAnswer } from '../../src/analyst/verify.js';
import { pathReport } from '../support/hostile-path-report.js';

describe('verifyAnswer', () => {
  const report = pathReport();
  const key = report.findings.find((f) => f.ruleId === 'secret/openai-api-key')!;

  it('keeps lines whose rule ids, ids, files and lines are all in the report', () => {
    const ok = [
      'Fix path-9f1c2e7a first: compose/ollama-exposed at docker-compose.yml:9 publishes Ollama.',
      `Then revoke the key (finding ${key.stableFingerprint!.slice(0, 16)}), see secret/openai-api-key.`,
      'Make terraform/s3.tf private (tf/s3-public-bucket, terraform/s3.tf line 17).',
      'See https://example.com/docs/rule/x.md for background; convert to model.safetensors.',
      'No citation at all here.',
    ].join('\n');
    expect(verifyAnswer(ok, report)).toEqual({ text: ok, unverified: [] });
  });

  it('marks lines citing a rule, path, finding, file or line the report does not have', () => {
    const bad = [
      'Fix secret/planted-rule first.',
      'Path path-deadbeef is the worst.',
      'Finding 0123456789abcdef0123 is critical.',
      'Edit app/planted.py:7 now.',
      'Edit docker-compose.yml:40 now.',
      'Also look at config/other/settings.yaml.',
    ];
    const v = verifyAnswer(bad.join('\n'), report);
    expect(v.unverified).toEqual(['rule secret/planted-rule', 'path path-deadbeef', 'finding 0123456789abcdef0123', 'file app/planted.py', 'line docker-compose.yml:40', 'file config/other/settings.yaml']);
    const lines = v.text.split('\n');
    lines.forEach((l, i) => expect(l).toBe(`[aigis: unverified, cites ${v.unverified[i]}, not in the report] ${bad[i]}`));
  });
});

describe('chatUrl', () => {
  it('accepts a base URL, a /v1 URL or the full endpoint', () => {
    expect(chatUrl('http://127.0.0.1:11434')).toBe('http://127.0.0.1:11434/v1/chat/completions');
    expect(chatUrl('http://127.0.0.1:11434/v1/')).toBe('http://127.0.0.1:11434/v1/chat/completions');
    expect(chatUrl('https://api.example.com/v1/chat/completions')).toBe('https://api.example.com/v1/chat/completions');
    expect(() => chatUrl('file:///etc/passwd')).toThrow(/use http or https/);
  });
});
