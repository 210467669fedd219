import { describe, expect, it } from 'vitest';
import { redactSecretsIn } from '../../src/secrets/redact-text.js';

// Random-looking values (no sequences or repeats), so the catalogue's look-alike filters keep them.
const GH = 'ghp_ma6DsAKnGbkuaIU6dxKO7rYbbGsTac6Ama6D';
const HF = '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';

describe('redactSecretsIn', () => {
  it('redacts a token used as the URL user name, keeping the rest of the specifier', () => {
    expect(redactSecretsIn(`git+https://${GH}@github.com/acme/x.git@v1#egg=x`)).toBe('git+https://ghp_ma6D…(40 chars)@github.com/acme/x.git@v1#egg=x');
  });
  it('redacts a URL password always, and keeps plain user names', () => {
    expect(redactSecretsIn('https://deploy:s3cr3t-pa55@pypi.example.com/simple')).toBe('https://deploy:s3…(11 chars)@pypi.example.com/simple');
    expect(redactSecretsIn('git+ssh://git@github.com/acme/x.git')).toBe('git+ssh://git@github.com/acme/x.git');
  });
  it('redacts catalogue credentials anywhere in the text', () => {
    const out = redactSecretsIn(`line 6: cannot parse pip requirement "token=${HF}"`);
    expect(out).not.toContain(HF);
    expect(out).toMatch(/token=hf_\w+…\(37 chars\)/);
  });
  it('leaves ordinary text and digests alone', () => {
    for (const s of ['pkg:pypi/torch@2.5.1', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'transformers>=4.40,<5']) expect(redactSecretsIn(s)).toBe(s);
  });
});
