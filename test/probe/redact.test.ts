import { describe, expect, it } from 'vitest';
import { redactText, redactValue } from '../../src/probe/redact.js';

describe('probe evidence redaction', () => {
  it('secret-named fields keep only a prefix and the length', () => {
    expect(redactValue('api_key', 'abcdefghijklmnopqrstuvwxyz')).toBe('abcdef…(26 chars)');
    expect(redactValue('access_token', 'x'.repeat(40))).not.toContain('x'.repeat(9));
    expect(redactValue('name', 'llama3.2:latest')).toBe('llama3.2:latest');
  });
  it('secret-looking values are redacted inside free text', () => {
    const t = redactText('python x.py --token=hf_abcdefghijklmnopqrstuvwxyz0123 Authorization: Bearer abcdefghijklmnop https://u:hunter22@db.internal/x OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuv');
    for (const leak of ['hf_abcdefghijklmnopqrstuvwxyz0123', 'abcdefghijklmnop', 'hunter22', 'sk-proj-abcdefghijklmnopqrstuv']) expect(t).not.toContain(leak);
    expect(t).toContain('chars)');
  });
  it('redacts before clipping, so a long value cannot leak a clipped secret', () => {
    const v = `${'a '.repeat(55)}sk-proj-${'Z'.repeat(40)}`;
    expect(redactValue('cmd', v)).not.toContain('ZZZZZZZZ');
  });
});
