import { describe, expect, it } from 'vitest';
import { parseConfig, SuppressionConfigError } from '../../src/suppress/index.js';

describe('parseConfig (aigis.yaml)', () => {
  it('reads every key', () => {
    const cfg = parseConfig(
      [
        'severity: [critical, HIGH]',
        'fail-on: high',
        'format: sarif',
        'output: aigis.sarif',
        'skip-dirs: [vendor, third_party]',
        'skip-files: "*.min.js, *.map"',
        'max-file-size: 32MB',
        'timeout: 5000',
        'ignore-file: security/.aigisignore',
        'ignore:',
        '  - rule: secret/*',
        '    path: tests/fixtures/**',
        '    reason: fake keys used by tests',
      ].join('\n'),
      'aigis.yaml',
    );
    expect(cfg).toEqual({
      severity: ['critical', 'high'],
      failOn: 'high',
      format: 'sarif',
      output: 'aigis.sarif',
      skipDirs: ['vendor', 'third_party'],
      skipFiles: ['*.min.js', '*.map'],
      maxFileSize: '32MB',
      timeout: 5000,
      ignoreFile: 'security/.aigisignore',
      ignore: [{ rule: 'secret/*', path: 'tests/fixtures/**', fingerprint: undefined, reason: 'fake keys used by tests', expires: undefined, origin: 'aigis.yaml:11' }],
    });
  });

  it('accepts an empty file', () => {
    expect(parseConfig('', 'aigis.yaml')).toEqual({});
  });

  it('collects every problem with its line', () => {
    const text = 'fail-on: severe\nfailOn: high\ntimeout: soon\nignore:\n  - rule: secret/x\n';
    expect(() => parseConfig(text, 'aigis.yaml')).toThrow(SuppressionConfigError);
    try {
      parseConfig(text, 'aigis.yaml');
    } catch (err) {
      expect((err as Error).message.split('\n')).toEqual([
        'aigis.yaml:1: "fail-on" must be one of critical, high, medium, low, info',
        expect.stringMatching(/^aigis.yaml:2: unknown key "failOn" \(allowed: severity, fail-on/),
        'aigis.yaml:3: "timeout" must be a positive number of milliseconds',
        'aigis.yaml:5 (entry 1): missing "reason": every suppression must say why the finding is acceptable',
      ]);
    }
  });

  it('rejects a list at the top level and duplicate keys', () => {
    expect(() => parseConfig('- a\n', 'aigis.yaml')).toThrow(/expected a mapping/);
    expect(() => parseConfig('format: json\nformat: sarif\n', 'aigis.yaml')).toThrow(/invalid YAML/);
  });
});
