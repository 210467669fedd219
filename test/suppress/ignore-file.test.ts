import { describe, expect, it } from 'vitest';
import { parseIgnoreFile, SuppressionConfigError } from '../../src/suppress/index.js';

describe('parseIgnoreFile', () => {
  it('reads entries with rule, path, reason, expires and fingerprint', () => {
    const entries = parseIgnoreFile(
      [
        '# accepted risks',
        '- rule: secret/openai-api-key',
        '  path: docs/**/*.md',
        '  reason: revoked keys kept in the incident write-up',
        '  expires: 2026-12-31',
        '- rule: model/*',
        '  reason: vendored test models, never loaded',
        '- rule: secret/github-token',
        '  fingerprint: 0123456789abcdef0123456789abcdef',
        "  reason: 'CI fixture'",
      ].join('\n'),
      '.aigisignore',
    );
    expect(entries).toEqual([
      { rule: 'secret/openai-api-key', path: 'docs/**/*.md', fingerprint: undefined, reason: 'revoked keys kept in the incident write-up', expires: '2026-12-31', origin: '.aigisignore:2' },
      { rule: 'model/*', path: undefined, fingerprint: undefined, reason: 'vendored test models, never loaded', expires: undefined, origin: '.aigisignore:6' },
      { rule: 'secret/github-token', path: undefined, fingerprint: '0123456789abcdef0123456789abcdef', reason: 'CI fixture', expires: undefined, origin: '.aigisignore:8' },
    ]);
  });

  it('resolves YAML anchors and aliases', () => {
    const entries = parseIgnoreFile('- rule: secret/x\n  reason: &why shared fixture key\n- rule: secret/y\n  reason: *why\n', '.aigisignore');
    expect(entries.map((e) => e.reason)).toEqual(['shared fixture key', 'shared fixture key']);
  });

  it('rejects an alias bomb instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [prev, cur] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g']]) levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    const text = `- rule: secret/x\n  reason: r\n  path: x\n  bomb:\n${levels.map((l) => `    ${l}`).join('\n')}\n`;
    expect(() => parseIgnoreFile(text, '.aigisignore')).toThrow(/cannot read value: .*alias/i);
  });

  it('treats an empty file or comments only as no entries', () => {
    expect(parseIgnoreFile('', '.aigisignore')).toEqual([]);
    expect(parseIgnoreFile('# nothing yet\n', '.aigisignore')).toEqual([]);
  });

  it('rejects entries without a reason, naming file, line and entry', () => {
    const text = '- rule: secret/openai-api-key\n  reason: ok\n- rule: secret/anthropic-api-key\n  path: a.py\n- rule: secret/x\n  reason: "   "\n';
    expect(() => parseIgnoreFile(text, '.aigisignore')).toThrow(SuppressionConfigError);
    try {
      parseIgnoreFile(text, '.aigisignore');
    } catch (err) {
      const lines = (err as Error).message.split('\n');
      expect(lines).toEqual([
        '.aigisignore:3 (entry 2): missing "reason": every suppression must say why the finding is acceptable',
        '.aigisignore:5 (entry 3): missing "reason": every suppression must say why the finding is acceptable',
      ]);
    }
  });

  it.each([
    ['a wildcard for everything', '- rule: "*"\n  reason: x\n', /is not a rule id/],
    ['a missing rule', '- path: a.py\n  reason: x\n', /missing "rule"/],
    ['an unknown key (typo)', '- rule: secret/x\n  reason: x\n  expiry: 2026-01-01\n', /unknown key "expiry"/],
    ['an impossible date', '- rule: secret/x\n  reason: x\n  expires: 2026-02-30\n', /"expires" must be a date YYYY-MM-DD/],
    ['a date in another format', '- rule: secret/x\n  reason: x\n  expires: 31/12/2026\n', /"expires" must be a date/],
    ['a mapping instead of a list', 'rule: secret/x\nreason: x\n', /expected a YAML list/],
    ['a scalar entry', '- secret/x\n', /must be a mapping/],
    ['invalid YAML', '- rule: [unclosed\n', /invalid YAML/],
    ['a non-hex fingerprint', '- rule: secret/x\n  reason: x\n  fingerprint: nope\n', /fingerprint/],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseIgnoreFile(text, '.aigisignore')).toThrow(message);
  });
});
